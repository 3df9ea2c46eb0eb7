// Placeholder until this module's first type lands; delete it then.
