// Command ferretdb runs FerretDB v1 (MongoDB wire protocol over SQLite) for local development
// and CI. It embeds github.com/FerretDB/FerretDB/ferretdb because `go install .../cmd/ferretdb`
// builds a binary that panics at start (build/version/version.txt is not in the module zip).
// The embedded package never starts FerretDB's telemetry reporter. Next to FerretDB it runs
// keepIDIndexes (id_index.go), which makes lookups by _id use an index.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("sqlite-dir", ".data/ferretdb", "directory for the SQLite database files")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	if err := os.MkdirAll(*dir, 0o755); err != nil {
		logger.Error("cannot create data directory", "dir", *dir, "error", err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		logger.Error("cannot configure FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	indexerDone := make(chan struct{})
	go func() {
		defer close(indexerDone)
		keepIDIndexes(ctx, *dir, logger)
	}()

	logger.Warn("FerretDB listening", "addr", *listen, "dir", *dir)
	err = f.Run(ctx)

	// Let the indexer finish its statement (it stops with ctx), but do not wait long: an
	// unfinished CREATE INDEX is rolled back by SQLite anyway.
	stop()
	select {
	case <-indexerDone:
	case <-time.After(3 * time.Second):
	}

	if err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
}
