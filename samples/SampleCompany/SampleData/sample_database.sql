-- The sales database of Sample Company: a Northwind-like schema that `populate-sample-db` drops, creates and
-- fills in one transaction. Names are lower case so that the assistant's SQL needs no quoting. The
-- descriptions the assistant reads live in companies/sample_company/schema/*.yaml.
-- One DROP for all the tables: their foreign keys point at each other, and a view someone built on them
-- makes the statement fail (and the transaction roll back) rather than vanish with CASCADE.
DROP TABLE IF EXISTS order_details, orders, employee_territories, territories, regions, employees,
    customers, products, suppliers, categories, shippers;

CREATE TABLE categories (
    category_id           integer     PRIMARY KEY,
    category_name         varchar(40) NOT NULL UNIQUE,
    category_description  text        NOT NULL
);

CREATE TABLE suppliers (
    supplier_id    integer     PRIMARY KEY,
    company_name   varchar(60) NOT NULL,
    contact_name   varchar(60) NOT NULL,
    contact_title  varchar(60) NOT NULL,
    address        varchar(80) NOT NULL,
    city           varchar(40) NOT NULL,
    region         varchar(40) NULL,
    postal_code    varchar(12) NULL,
    country        varchar(40) NOT NULL,
    phone          varchar(24) NOT NULL
);

CREATE TABLE products (
    product_id         integer       PRIMARY KEY,
    product_name       varchar(60)   NOT NULL UNIQUE,
    supplier_id        integer       NOT NULL REFERENCES suppliers (supplier_id),
    category_id        integer       NOT NULL REFERENCES categories (category_id),
    quantity_per_unit  varchar(40)   NOT NULL,
    unit_price         numeric(10,2) NOT NULL CHECK (unit_price > 0),
    units_in_stock     integer       NOT NULL CHECK (units_in_stock >= 0),
    units_on_order     integer       NOT NULL CHECK (units_on_order >= 0),
    reorder_level      integer       NOT NULL CHECK (reorder_level >= 0),
    discontinued       boolean       NOT NULL
);

CREATE TABLE customers (
    customer_id    integer     PRIMARY KEY,
    company_name   varchar(60) NOT NULL UNIQUE,
    contact_name   varchar(60) NOT NULL,
    contact_title  varchar(60) NOT NULL,
    segment        varchar(12) NOT NULL CHECK (segment IN ('retail', 'restaurant', 'wholesale')),
    address        varchar(80) NOT NULL,
    city           varchar(40) NOT NULL,
    region         varchar(40) NULL,
    postal_code    varchar(12) NULL,
    country        varchar(40) NOT NULL,
    phone          varchar(24) NOT NULL
);

CREATE TABLE employees (
    employee_id  integer     PRIMARY KEY,
    first_name   varchar(30) NOT NULL,
    last_name    varchar(30) NOT NULL,
    title        varchar(40) NOT NULL,
    email        varchar(80) NOT NULL UNIQUE,
    birth_date   date        NOT NULL,
    hire_date    date        NOT NULL,
    city         varchar(40) NOT NULL,
    country      varchar(40) NOT NULL,
    reports_to   integer     NULL REFERENCES employees (employee_id)
);

CREATE TABLE shippers (
    shipper_id    integer     PRIMARY KEY,
    company_name  varchar(60) NOT NULL,
    phone         varchar(24) NOT NULL
);

CREATE TABLE regions (
    region_id           integer     PRIMARY KEY,
    region_description  varchar(50) NOT NULL UNIQUE
);

CREATE TABLE territories (
    territory_id           integer     PRIMARY KEY,
    territory_description  varchar(50) NOT NULL UNIQUE,
    region_id              integer     NOT NULL REFERENCES regions (region_id)
);

CREATE TABLE employee_territories (
    employee_id   integer NOT NULL REFERENCES employees (employee_id),
    territory_id  integer NOT NULL REFERENCES territories (territory_id),
    PRIMARY KEY (employee_id, territory_id)
);

CREATE TABLE orders (
    order_id          integer       PRIMARY KEY,
    customer_id       integer       NOT NULL REFERENCES customers (customer_id),
    employee_id       integer       NOT NULL REFERENCES employees (employee_id),
    order_date        date          NOT NULL,
    required_date     date          NOT NULL,
    shipped_date      date          NULL,
    ship_via          integer       NOT NULL REFERENCES shippers (shipper_id),
    freight           numeric(10,2) NOT NULL CHECK (freight >= 0),
    status            varchar(10)   NOT NULL CHECK (status IN ('pending', 'shipped', 'cancelled')),
    ship_name         varchar(60)   NOT NULL,
    ship_address      varchar(80)   NOT NULL,
    ship_city         varchar(40)   NOT NULL,
    ship_region       varchar(40)   NULL,
    ship_postal_code  varchar(12)   NULL,
    ship_country      varchar(40)   NOT NULL,
    CHECK (required_date >= order_date),
    CHECK (shipped_date IS NULL OR shipped_date >= order_date),
    CHECK ((status = 'shipped') = (shipped_date IS NOT NULL))
);

CREATE TABLE order_details (
    order_id    integer       NOT NULL REFERENCES orders (order_id),
    product_id  integer       NOT NULL REFERENCES products (product_id),
    unit_price  numeric(10,2) NOT NULL CHECK (unit_price > 0),
    quantity    integer       NOT NULL CHECK (quantity > 0),
    discount    numeric(3,2)  NOT NULL CHECK (discount >= 0 AND discount < 1),
    PRIMARY KEY (order_id, product_id)
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_employee_id_idx ON orders (employee_id);
CREATE INDEX orders_order_date_idx ON orders (order_date);
CREATE INDEX order_details_product_id_idx ON order_details (product_id);
CREATE INDEX products_supplier_id_idx ON products (supplier_id);
CREATE INDEX products_category_id_idx ON products (category_id);
