"""`ecomintent export`."""
