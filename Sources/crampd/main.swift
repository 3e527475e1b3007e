print("crampd")
