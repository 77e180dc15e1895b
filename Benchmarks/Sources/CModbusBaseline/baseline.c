// placeholder: filled by the Modbus benchmark work
