using System.Reflection;
using Npgsql;
using NpgsqlTypes;

namespace SampleCompany.SampleData;

/// <summary>
/// Replaces the sample tables in one transaction: <c>sample_database.sql</c> drops and creates them, then a binary
/// COPY per table writes the generated rows. Readers see the old data or the new, never a half-filled database.
/// </summary>
internal static class SampleDatabaseLoader
{
    private const string ScriptResource = "SampleCompany.SampleData.sample_database.sql";

    /// <summary>Loads <paramref name="tables"/> and returns the rows written per table, in load order.</summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> LoadAsync(
        string connectionString, IReadOnlyList<SampleTable> tables, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var script = new NpgsqlCommand(ReadScript(), connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        var counts = new List<(string, int)>(tables.Count);
        foreach (var table in tables)
        {
            counts.Add((table.Name, await CopyAsync(connection, table, cancellationToken)));
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, SampleTable table, CancellationToken cancellationToken)
    {
        // The table and column names are the generator's own constants, never input.
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in table.Rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await WriteAsync(importer, value, cancellationToken);
            }
        }

        return (int)await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Varchar, cancellationToken),
        decimal amount => importer.WriteAsync(amount, NpgsqlDbType.Numeric, cancellationToken),
        DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
        bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        _ => throw new InvalidOperationException($"The sample data has a value of an unexpected type, {value.GetType().Name}."),
    };

    private static string ReadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The embedded resource {ScriptResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
