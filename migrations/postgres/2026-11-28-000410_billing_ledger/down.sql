DROP TABLE billing_entitlement_versions;
DROP TABLE billing_ledger_entries;
DROP TABLE billing_consumptions;
DROP TABLE billing_grants;
