"""Pages across the network: the directory, network stories and events, browse by right."""
