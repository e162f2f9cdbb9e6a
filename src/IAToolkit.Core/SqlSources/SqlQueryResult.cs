using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IAToolkit.SqlSources;

/// <summary>The rows one query of the SQL tool returned, already capped in rows, value length and JSON size.</summary>
internal sealed class SqlQueryResult
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal SqlQueryResult(string database, SqlRows rows, TimeSpan elapsed)
    {
        Database = database;
        Columns = rows.Columns;
        Rows = rows.Json;
        RowCount = rows.Count;
        Limits = rows.Limits;
        Elapsed = elapsed;
    }

    /// <summary>The logical database name (<c>data_sources.sql[].database</c>) the query ran on.</summary>
    public string Database { get; }

    /// <summary>The columns, in the query's order.</summary>
    public IReadOnlyList<SqlColumn> Columns { get; }

    /// <summary>
    /// The rows as compact JSON: an array of arrays in <see cref="Columns"/> order. Numbers (decimals included) are
    /// JSON numbers, booleans are booleans, NULL is null, dates and timestamps are ISO 8601 strings, json/jsonb is
    /// inline JSON, bytea is base64 (the first 64 bytes), and any other type is PostgreSQL's text form.
    /// </summary>
    public string Rows { get; }

    /// <summary>How many rows <see cref="Rows"/> holds.</summary>
    public int RowCount { get; }

    /// <summary>Whether the query had more rows than <see cref="Rows"/> holds (row cap or size cap).</summary>
    public bool Truncated => Limits.RowLimit is not null || Limits.SizeLimited;

    /// <summary>Whether some long text or binary values were cut (they end with an ellipsis).</summary>
    public bool ValuesShortened => Limits.ValuesShortened;

    /// <summary>What the model should know about the caps that applied, or <see langword="null"/> when none did.</summary>
    public string? Note => Limits.Describe(RowCount);

    /// <summary>How long the query took, from opening the connection to reading the last row.</summary>
    public TimeSpan Elapsed { get; }

    internal SqlResultLimits Limits { get; }

    /// <summary>
    /// The compact text handed to the model: <c>{"columns":[{"name":…,"type":…}],"rows":[[…]],"row_count":N}</c>, plus
    /// <c>"truncated":true</c>, <c>"values_shortened":true</c> and a <c>"note"</c> when a cap applied.
    /// </summary>
    public string ToToolJson()
    {
        var buffer = new ArrayBufferWriter<byte>(Rows.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("columns");
            foreach (var column in Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("type", column.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("rows");
            writer.WriteRawValue(Rows, skipInputValidation: true);
            writer.WriteNumber("row_count", RowCount);
            if (Truncated)
            {
                writer.WriteBoolean("truncated", true);
            }

            if (ValuesShortened)
            {
                writer.WriteBoolean("values_shortened", true);
            }

            if (Note is { } note)
            {
                writer.WriteString("note", note);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A one-line summary for logs and debugging (never the values).</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Database}: {RowCount} row(s), {Columns.Count} column(s){(Truncated ? ", truncated" : string.Empty)}, {Elapsed.TotalMilliseconds:0} ms");
}
