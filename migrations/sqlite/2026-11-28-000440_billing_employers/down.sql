DROP TABLE billing_employer_seats;
DROP TABLE billing_employer_contracts;
