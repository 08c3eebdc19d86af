print("enquete")
