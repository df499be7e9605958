/**
 * Citizen-facing text in Bahasa Indonesia, one place for the whole service. The conversation
 * service passes these on as they are when a document is refused.
 */
export const messagesId = {
  documentEmpty: 'File yang Anda kirim kosong. Silakan kirim ulang foto atau dokumen Anda.',
  typeNotAllowed:
    'Jenis file ini tidak dapat kami terima. Kirim foto (JPG, PNG, WebP) atau dokumen PDF.',
  heicNotSupported:
    'Foto format HEIC belum dapat kami proses. Silakan kirim sebagai foto biasa (JPG), misalnya dengan mengirim tangkapan layar atau mengubah pengaturan kamera ke "Paling Kompatibel".',
  imageTooLarge: (max: string) =>
    `Ukuran foto terlalu besar (maksimal ${max}). Silakan kirim foto yang lebih kecil.`,
  pdfTooLarge: (max: string) =>
    `Ukuran dokumen PDF terlalu besar (maksimal ${max}). Silakan kirim file yang lebih kecil.`,
  fileTooLarge: (imageMax: string, pdfMax: string) =>
    `Ukuran file terlalu besar (foto maksimal ${imageMax}, dokumen PDF maksimal ${pdfMax}). Silakan kirim file yang lebih kecil.`,
  tooManyPixels:
    'Resolusi foto terlalu besar untuk kami proses. Silakan kirim foto dengan resolusi lebih kecil.',
  corrupt: 'File tidak dapat dibaca atau rusak. Silakan foto ulang dokumen Anda dan kirim kembali.',
  pdfActiveContent:
    'Dokumen PDF ini berisi skrip atau lampiran tersembunyi sehingga tidak dapat kami terima. Silakan kirim foto dokumennya.',
  fieldTooLong: (field: string, max: number) =>
    `Isian ${field} terlalu panjang (maksimal ${max} karakter).`,
  fieldTooMany: (field: string, max: number) =>
    `Isian ${field} berisi terlalu banyak butir (maksimal ${max}).`,
  fieldControlCharacter: (field: string) => `Isian ${field} berisi karakter yang tidak diizinkan.`,
  declaredSizeInvalid:
    'Ukuran file yang disebutkan tidak valid (harus bilangan bulat 0 atau lebih).',
  mediaNotFound:
    'File tidak dapat kami ambil dari WhatsApp (mungkin sudah kedaluwarsa). Silakan kirim ulang.',
  mediaDownloadFailed:
    'Kami sedang kesulitan mengambil file dari WhatsApp. Silakan coba kirim ulang beberapa saat lagi.',
} as const;
