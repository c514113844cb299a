-- Names that attack quoting: backticks, quotes, spaces, unicode, reserved words, semicolons.
CREATE DATABASE IF NOT EXISTS `odd db ``name`` ü` CHARACTER SET utf8mb4;
CREATE TABLE `odd db ``name`` ü`.`select 'x' "y" ``z`` ünï ✓ 表;` (
  `id` INT PRIMARY KEY,
  `my col` VARCHAR(10),
  `from` INT,
  `a``b` INT,
  `ü` VARCHAR(5),
  `表` INT,
  `semi;colon` INT,
  `"dq"` INT,
  `'sq'` INT
);
INSERT INTO `odd db ``name`` ü`.`select 'x' "y" ``z`` ünï ✓ 表;` VALUES
  (1, 'a', 1, 2, 'ü', 3, 4, 5, 6),
  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
