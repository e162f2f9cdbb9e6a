using Npgsql;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>The tables of the sample database and the queries the tests read them with.</summary>
internal static class SampleTables
{
    /// <summary>Every table with the rows the generator writes.</summary>
    public static IReadOnlyDictionary<string, long> ExpectedRows { get; } = new Dictionary<string, long>
    {
        ["categories"] = 8,
        ["suppliers"] = 20,
        ["products"] = 64,
        ["customers"] = 60,
        ["employees"] = 10,
        ["shippers"] = 3,
        ["regions"] = 4,
        ["territories"] = 16,
        ["employee_territories"] = 18,
        ["orders"] = 600,
        ["order_details"] = 1695,
    };

    /// <summary>The md5 of each table's rows as text, sorted bytewise, so that any changed value changes it.</summary>
    public static async Task<Dictionary<string, string>> ChecksumsAsync(NpgsqlConnection connection)
    {
        var checksums = new Dictionary<string, string>();
        foreach (var table in ExpectedRows.Keys)
        {
            // The names come from the fixed list above.
            checksums[table] = await ScalarAsync<string>(connection, $"SELECT md5(string_agg(t::text, ',' ORDER BY t::text COLLATE \"C\")) FROM {table} t");
        }

        return checksums;
    }

    public static async Task<Dictionary<string, long>> RowCountsAsync(NpgsqlConnection connection)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in ExpectedRows.Keys)
        {
            counts[table] = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<object?[]>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add([.. row.Select(v => v is DBNull ? null : v)]);
        }

        return rows;
    }
}
