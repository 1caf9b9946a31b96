"""Migration sets, one module per concern. `db.schema.MIGRATION_SETS` applies them in order."""
