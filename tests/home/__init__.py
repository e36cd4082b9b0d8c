"""What the whole network shares (the home app): the block library, shared principles, the
resource library."""
