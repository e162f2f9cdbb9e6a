namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>A small customers/orders pair with a foreign key, a sequence, and functions that try to write from inside a SELECT.</summary>
internal static class SqlSampleData
{
    public const string Create = """
        CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, country char(2));
        CREATE TABLE orders (
            id serial PRIMARY KEY,
            customer_id int NOT NULL REFERENCES customers (id),
            total numeric(12,2) NOT NULL,
            placed_on date NOT NULL,
            notes text);
        INSERT INTO customers (name, country) SELECT 'Customer ' || i, CASE WHEN i % 2 = 0 THEN 'CL' ELSE 'US' END FROM generate_series(1, 50) i;
        INSERT INTO orders (customer_id, total, placed_on) SELECT 1 + i % 50, i * 10.25, DATE '2024-01-01' + i FROM generate_series(1, 300) i;
        CREATE SEQUENCE invoice_numbers;
        CREATE FUNCTION drop_orders() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DROP TABLE orders; RETURN 1; END $$;
        CREATE FUNCTION truncate_orders() RETURNS int LANGUAGE plpgsql AS $$ BEGIN TRUNCATE orders; RETURN 1; END $$;
        CREATE FUNCTION create_table() RETURNS int LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE intruder (id int); RETURN 1; END $$;
        CREATE FUNCTION update_orders() RETURNS int LANGUAGE plpgsql AS $$ BEGIN UPDATE orders SET total = 0; RETURN 1; END $$;
        CREATE FUNCTION insert_order() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO orders (customer_id, total, placed_on) VALUES (1, 1, now()); RETURN 1; END $$;
        CREATE FUNCTION delete_orders() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders; RETURN 1; END $$
        """;

    /// <summary>Everything a write could change: the tables' rows, the list of tables, the sequence, the large objects.</summary>
    public const string Checksum = """
        SELECT concat_ws('|',
            (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM customers t),
            (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM orders t),
            (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace),
            (SELECT last_value || '/' || is_called FROM invoice_numbers),
            (SELECT count(*) FROM pg_largeobject_metadata))
        """;
}
