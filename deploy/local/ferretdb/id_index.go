package main

// Why this file exists
//
// FerretDB v1's SQLite backend pushes a find/update/delete filter that is exactly
// {_id: <string|ObjectId>} down to SQL as
//
//	WHERE _ferretdb_sjson->'$._id' = ?
//
// (internal/backends/sqlite/collection.go, metadata.IDColumn), but the unique `_id_` index it
// creates for every collection is on the expression
//
//	_ferretdb_sjson->"_id"
//
// (metadata/registry.go, indexesCreate). SQLite only uses an index on an expression when the
// query contains the same expression, and these two are different expressions, so the `_id_`
// index is never used and every lookup by _id scans the whole table (200-400 ms at 100 000
// small documents). Upstream knows its SQLite indexes go unused:
// https://github.com/FerretDB/FerretDB/issues/4646
//
// keepIDIndexes therefore keeps, next to FerretDB's own indexes, one extra non-unique index per
// collection table, named "<table>__id_lookup", on exactly the pushed-down expression. With it
// the same lookup is a `SEARCH ... USING INDEX` of a few milliseconds.
//
// FerretDB otherwise ignores the extra index: listIndexes, createIndexes and dropIndexes read
// and write FerretDB's own metadata (the `settings` column of _ferretdb_collections), which
// never mentions it; dropping a collection is a DROP TABLE, which drops the index with it; and
// dropping a database deletes the file. Uniqueness of _id is still enforced by FerretDB's own
// `_id_` index, which is why this one need not be unique. The index costs some insert speed
// (one more B-tree to maintain per document).
//
// A real query run on one of FerretDB's pooled connections after the index appears is
// re-prepared by SQLite (SQLITE_SCHEMA) and uses it at once. An `explain` is not: it can show
// the old SCAN plan on a connection that has run nothing else since, until it does.
//
// FerretDB opens every database file with WAL and busy_timeout(10000), so a second connection
// doing DDL here is safe: readers are never blocked, and a writer waits while an index is built
// (only long at start-up, for collections that already hold many documents).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // database/sql driver "sqlite", the one FerretDB itself uses
)

const (
	// idIndexSuffix is appended to a collection's table name to name its lookup index. FerretDB
	// names its own indexes "<table>_<index name>" (the default one "<table>__id_"), so only a
	// Mongo index explicitly named "_id_lookup" would collide (its createIndexes would fail).
	idIndexSuffix = "__id_lookup"

	// idIndexExpr must stay textually identical to FerretDB's metadata.IDColumn.
	idIndexExpr = `_ferretdb_sjson->'$._id'`

	// ferretdbCollectionsTable lists a database's collections (columns name, table_name, settings).
	ferretdbCollectionsTable = "_ferretdb_collections"

	idIndexPollInterval = 500 * time.Millisecond

	// idIndexRecheckAfter bounds how long a database is trusted to be unchanged on the strength
	// of its files' sizes and mtimes alone (for filesystems with coarse mtimes).
	idIndexRecheckAfter = 30 * time.Second
)

// fileStamp is what is compared between passes to tell whether a file may have changed.
type fileStamp struct {
	exists bool
	size   int64
	mtime  int64 // UnixNano
}

// dbStamp covers a database file and its WAL: FerretDB's writes land in the WAL first and reach
// the main file only at checkpoints.
type dbStamp struct {
	main, wal fileStamp
}

// dbState is what a pass remembers about one database file.
type dbState struct {
	stamp     dbStamp   // taken before the last successful check
	checkedAt time.Time // when that check ran
	lastErr   string    // last error logged for this file, to log a persisting error only once
}

type idIndexKeeper struct {
	dir    string
	logger *slog.Logger
	dbs    map[string]*dbState // by database file path
}

// keepIDIndexes polls dir until ctx is done, giving every FerretDB collection table in every
// *.sqlite database there a "<table>__id_lookup" index (see the comment at the top of the file).
// It never stops FerretDB: errors are logged at warn and retried on the next pass.
func keepIDIndexes(ctx context.Context, dir string, logger *slog.Logger) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}

	k := &idIndexKeeper{dir: abs, logger: logger, dbs: map[string]*dbState{}}

	ticker := time.NewTicker(idIndexPollInterval)
	defer ticker.Stop()

	for {
		k.pass(ctx)

		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// pass checks every database file whose files changed since it was last checked.
func (k *idIndexKeeper) pass(ctx context.Context) {
	files, err := filepath.Glob(filepath.Join(k.dir, "*.sqlite"))
	if err != nil { // only for a malformed pattern
		k.logger.Warn("id index: cannot list database files", "dir", k.dir, "error", err)
		return
	}

	present := make(map[string]bool, len(files))

	for _, file := range files {
		if ctx.Err() != nil {
			return
		}

		present[file] = true

		st := k.dbs[file]
		if st == nil {
			st = &dbState{}
			k.dbs[file] = st
		}

		// Stamp before looking inside: a write that lands after the stamp changes it, so the
		// next pass looks again.
		stamp := stampDB(file)
		if !stamp.main.exists {
			continue // dropped since the glob
		}

		if stamp == st.stamp && time.Since(st.checkedAt) < idIndexRecheckAfter {
			continue
		}

		if err := k.checkDB(ctx, file); err != nil {
			if ctx.Err() != nil {
				return
			}

			if !stampDB(file).main.exists {
				continue // dropped while we looked: nothing to do
			}

			if msg := err.Error(); msg != st.lastErr {
				k.logger.Warn("id index: cannot index database; will retry", "file", file, "error", err)
				st.lastErr = msg
			}

			continue // keep the old stamp: retried next pass
		}

		if st.lastErr != "" {
			k.logger.Warn("id index: database indexed after earlier errors", "file", file)
		}

		*st = dbState{stamp: stamp, checkedAt: time.Now()}
	}

	// Forget dropped databases; a database created again later starts afresh.
	for file := range k.dbs {
		if !present[file] {
			delete(k.dbs, file)
		}
	}
}

func stampFile(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}

	return fileStamp{exists: true, size: fi.Size(), mtime: fi.ModTime().UnixNano()}
}

func stampDB(file string) dbStamp {
	return dbStamp{main: stampFile(file), wal: stampFile(file + "-wal")}
}

// checkDB opens one database file for the duration of the check only (a dropped database's
// file is deleted and a new one may take its name, so no connection is kept across passes)
// and creates the lookup index for each collection table that lacks it.
func (k *idIndexKeeper) checkDB(ctx context.Context, file string) (err error) {
	// A panic in here must not take FerretDB down with it.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()

	// mode=rw: never create a database file (FerretDB may have just dropped it).
	// _txlock=immediate: a transaction takes the write lock up front, so the table it checks
	// cannot be dropped before the index is created.
	// busy_timeout below FerretDB's 10 s, so that shutting down does not wait long on it.
	dsn := (&url.URL{
		Scheme:   "file",
		Path:     filepath.ToSlash(file),
		RawQuery: "mode=rw&_pragma=busy_timeout(5000)&_txlock=immediate",
	}).String()

	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	defer db.Close()

	db.SetMaxOpenConns(1)

	// A database whose metadata table does not exist yet is being created by FerretDB (or is
	// not FerretDB's): creating the table changes the files, so it is looked at again.
	var n int
	q := `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`
	if err := db.QueryRowContext(ctx, q, ferretdbCollectionsTable).Scan(&n); err != nil {
		return err
	}

	if n == 0 {
		return nil
	}

	// The database's own schema is the memory of what is already indexed: an in-process set
	// would go stale when a collection or database is dropped and created again, since FerretDB
	// derives table names from collection names.
	q = fmt.Sprintf(
		`SELECT table_name FROM %[1]s c WHERE NOT EXISTS (`+
			`SELECT 1 FROM sqlite_schema s WHERE s.type = 'index' AND s.name = c.table_name || '%[2]s')`,
		quoteIdent(ferretdbCollectionsTable), idIndexSuffix,
	)

	missing, err := queryStrings(ctx, db, q)
	if err != nil {
		return err
	}

	var errs []error

	for _, table := range missing {
		if err := k.createIDIndex(ctx, db, table); err != nil {
			errs = append(errs, fmt.Errorf("table %s: %w", table, err))
		}
	}

	return errors.Join(errs...)
}

// createIDIndex creates table's lookup index if the table is still one of FerretDB's collections.
// Each index gets its own short transaction, so FerretDB's writers wait for one index at most.
func (k *idIndexKeeper) createIDIndex(ctx context.Context, db *sql.DB, table string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit

	var n int
	q := fmt.Sprintf(`SELECT count(*) FROM %s WHERE table_name = ?`, quoteIdent(ferretdbCollectionsTable))
	if err := tx.QueryRowContext(ctx, q, table).Scan(&n); err != nil {
		return err
	}

	if n == 0 {
		return nil // collection dropped since it was listed
	}

	q = fmt.Sprintf(
		`CREATE INDEX IF NOT EXISTS %s ON %s (%s)`,
		quoteIdent(table+idIndexSuffix), quoteIdent(table), idIndexExpr,
	)
	if _, err := tx.ExecContext(ctx, q); err != nil {
		return err
	}

	if err := tx.Commit(); err != nil {
		return err
	}

	k.logger.Debug("id index: created", "table", table, "index", table+idIndexSuffix)

	return nil
}

func queryStrings(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var res []string

	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}

		res = append(res, s)
	}

	return res, rows.Err()
}

// quoteIdent quotes an SQLite identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
