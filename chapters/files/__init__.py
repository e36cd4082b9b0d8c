"""The images and documents chapters use: which a record may use, upload checks,
private files and their serving."""
