using System.Buffers;
using System.Text.Json;

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>Writes a JSON document into a byte array, ready to send.</summary>
internal static class JsonBytes
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
