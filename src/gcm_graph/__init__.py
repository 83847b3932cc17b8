"""gcm-graph: a linked-data knowledge graph of the UN's reports on the Global Compact for Migration."""

__version__ = "0.1.0"
