DROP TABLE billing_employer_paid_twice;
DROP TABLE billing_employer_waitlist;
