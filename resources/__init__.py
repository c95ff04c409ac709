"""Plain data files: fonts, translations, icons."""
