// Daemon module: see ../shared/STYLE.md for what it owns.
