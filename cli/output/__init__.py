"""Output shapes: every JSON record devzone prints (records), their JSON Schema (schema),
the readable text view (text) and tables (tables). Nothing here reads input or runs stages."""
