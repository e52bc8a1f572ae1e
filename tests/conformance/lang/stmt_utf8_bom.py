# Starts with a UTF-8 BOM.
print("bom ok", "café")
