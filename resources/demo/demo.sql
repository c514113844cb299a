-- The demo database: a small shop, so a newcomer sees types, notes, PII flags and a real export at once.
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
CREATE DATABASE IF NOT EXISTS sluice_demo CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE sluice_demo;

CREATE TABLE customers (
  id INT UNSIGNED PRIMARY KEY,
  first_name VARCHAR(40) NOT NULL,
  last_name VARCHAR(40) NOT NULL,
  email VARCHAR(120),
  phone VARCHAR(30),
  birth_date DATE,
  country CHAR(2),
  vip TINYINT(1) NOT NULL DEFAULT 0,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) COMMENT 'people who buy things';
INSERT INTO customers
SELECT seq,
       ELT(1 + seq % 8, 'Ada', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Zoë'),
       ELT(1 + seq % 7, 'Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson'),
       CONCAT('user', seq, '@example.com'),
       CONCAT('+41 79 ', LPAD(seq % 10000000, 7, '0')),
       IF(seq % 50 = 0, '0000-00-00', DATE_ADD('1950-01-01', INTERVAL seq % 18000 DAY)),
       ELT(1 + seq % 5, 'CH', 'DE', 'FR', 'IT', 'JP'),
       seq % 10 = 0,
       TIMESTAMPADD(SECOND, seq * 97, '2024-01-01 00:00:00')
FROM seq_1_to_5000;

CREATE TABLE products (
  sku CHAR(8) PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(10,2) UNSIGNED NOT NULL,
  weight_kg FLOAT,
  tags SET('new', 'sale', 'eco', 'fragile'),
  thumbnail BLOB
);
INSERT INTO products
SELECT CONCAT('SKU', LPAD(seq, 5, '0')), CONCAT('Product ', seq, IF(seq % 9 = 0, ' ☕ deluxe', '')),
       (seq * 37 % 100000) / 100, (seq % 300) / 7, ELT(1 + seq % 4, 'new', 'sale', 'eco,new', ''),
       UNHEX(SHA2(seq, 256))
FROM seq_1_to_500;

CREATE TABLE orders (
  id BIGINT UNSIGNED PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  sku CHAR(8) NOT NULL,
  quantity SMALLINT UNSIGNED NOT NULL,
  total DECIMAL(12,2) NOT NULL,
  status ENUM('new', 'paid', 'shipped', 'returned') NOT NULL,
  ordered_at DATETIME(6) NOT NULL,
  delivery_window TIME,
  notes JSON
);
INSERT INTO orders
SELECT seq, 1 + seq % 5000, CONCAT('SKU', LPAD(1 + seq % 500, 5, '0')), 1 + seq % 5, ((seq * 7919) % 1000000) / 100,
       ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'returned'),
       TIMESTAMPADD(MICROSECOND, seq * 3141592, '2024-01-01 00:00:00'),
       SEC_TO_TIME(seq % 86400),
       IF(seq % 3 = 0, JSON_OBJECT('gift', seq % 2 = 0, 'channel', ELT(1 + seq % 3, 'web', 'app', 'store')), NULL)
FROM seq_1_to_200000;
ANALYZE TABLE customers, products, orders;
