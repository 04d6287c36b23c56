"""The roster of experts: expertise, languages and availability."""
