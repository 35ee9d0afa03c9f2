"""fi-minutes pipeline: orchestration, storage, CLI and harvest (the only package that does I/O)."""
