using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using Npgsql.PostgresTypes;

namespace IAToolkit.SqlSources;

/// <summary>
/// Reads a result into compact JSON rows under the three caps: at most <see cref="SqlToolOptions.MaxRows"/> rows (one
/// more is read to know that more exist), values of at most <see cref="SqlToolOptions.MaxValueLength"/> characters,
/// and a tool answer of at most <see cref="SqlToolOptions.MaxResultBytes"/> bytes. The reader must be opened with
/// <see cref="System.Data.CommandBehavior.SequentialAccess"/> and every column as text: each value is then streamed and
/// only its first <see cref="PostgresValueWriter.ReadLength"/> characters are read, so a 400 MB value costs a few KB
/// of memory, not its size (Npgsql skips the rest on the wire).
/// </summary>
internal static class SqlResultReader
{
    // Room left in the size cap for "row_count", the flags and the note around the rows.
    private const int EnvelopeBytes = 512;

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<SqlRows> ReadAsync(NpgsqlDataReader reader, SqlToolOptions options, CancellationToken cancellationToken)
    {
        var columns = new SqlColumn[reader.FieldCount];
        var baseTypes = new string[reader.FieldCount];
        var headerBytes = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            // Npgsql writes numeric(10, 2); PostgreSQL's format_type, used in the schema text, writes numeric(10,2).
            columns[i] = new SqlColumn(reader.GetName(i), reader.GetDataTypeName(i).Replace(", ", ",", StringComparison.Ordinal));
            baseTypes[i] = BaseTypeName(reader.GetPostgresType(i));
            headerBytes += Encoding.UTF8.GetByteCount(columns[i].Name) + Encoding.UTF8.GetByteCount(columns[i].Type) + 24;
        }

        var buffer = new char[PostgresValueWriter.ReadLength(options.MaxValueLength)];
        var budget = Math.Max(options.MaxResultBytes - headerBytes - EnvelopeBytes, 2);
        var rows = new ArrayBufferWriter<byte>(4096);
        rows.Write("["u8);
        var row = new ArrayBufferWriter<byte>(512);
        using var writer = new Utf8JsonWriter(row, s_writerOptions);
        int? rowLimit = null;
        var sizeLimited = false;
        var shortened = false;
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (count == options.MaxRows)
            {
                rowLimit = options.MaxRows;
                break;
            }

            row.ResetWrittenCount();
            writer.Reset();
            writer.WriteStartArray();
            for (var i = 0; i < columns.Length; i++)
            {
                var (text, complete) = await ReadValueAsync(reader, i, buffer, cancellationToken);
                shortened |= complete
                    ? PostgresValueWriter.Write(writer, text, baseTypes[i], options.MaxValueLength)
                    : PostgresValueWriter.WriteCut(writer, text!, baseTypes[i], options.MaxValueLength);
            }

            writer.WriteEndArray();
            writer.Flush();
            if (rows.WrittenCount + row.WrittenCount + 2 > budget)
            {
                sizeLimited = true;
                break;
            }

            if (count > 0)
            {
                rows.Write(","u8);
            }

            rows.Write(row.WrittenSpan);
            count++;
        }

        rows.Write("]"u8);
        var limits = new SqlResultLimits(rowLimit, sizeLimited, options.MaxResultBytes, shortened);
        return new SqlRows(columns, Encoding.UTF8.GetString(rows.WrittenSpan), count, limits);
    }

    /// <summary>Reads at most <paramref name="buffer"/>'s length of characters of one value; whether that was all of it.</summary>
    private static async Task<(string? Text, bool Complete)> ReadValueAsync(NpgsqlDataReader reader, int ordinal, char[] buffer, CancellationToken cancellationToken)
    {
        if (await reader.IsDBNullAsync(ordinal, cancellationToken))
        {
            return (null, true);
        }

        using var text = await reader.GetTextReaderAsync(ordinal, cancellationToken);
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await text.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (count == 0)
            {
                return (new string(buffer, 0, read), true);
            }

            read += count;
        }

        return (new string(buffer, 0, read), false);
    }

    /// <summary>The internal name (e.g. <c>int4</c>) the value's text form follows; a domain follows its base type.</summary>
    private static string BaseTypeName(PostgresType type)
    {
        while (type is PostgresDomainType domain)
        {
            type = domain.BaseType;
        }

        return type.InternalName;
    }
}
