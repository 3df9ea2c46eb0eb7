// Placeholder until this target's first suite lands; delete it then.
