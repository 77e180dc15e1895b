// placeholder: filled by the SPC benchmark work
