"""Which images and documents a chapter may use, upload checks, private files and their serving."""
