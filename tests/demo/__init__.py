"""The demo network: its data files and what load_demo_network builds from them."""
