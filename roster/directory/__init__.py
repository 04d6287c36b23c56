"""The directory: agencies of members and their focal points (national contact points)."""
