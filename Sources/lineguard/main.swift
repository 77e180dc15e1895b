print("lineguard")
