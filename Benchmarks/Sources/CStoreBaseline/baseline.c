// placeholder: filled by the Store benchmark work
