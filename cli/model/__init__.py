"""The theme model: files and checksums (store), scoring (inference), and training."""
