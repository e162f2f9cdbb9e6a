using System.IO.Compression;
using System.Text;

namespace SampleCompany.SampleData.Documents;

/// <summary>
/// Re-writes a ZIP package (a DOCX) so that its bytes depend only on its content: entries sorted (the content
/// types first, as Office writes them), every timestamp 1980-01-01, no platform-specific attributes. .NET's own
/// ZipArchive stamps the current time and the current OS into each entry.
/// </summary>
internal static class StableZip
{
    private const ushort Version = 20;
    private const ushort Deflate = 8;
    private const ushort DosDate1980 = (0 << 9) | (1 << 5) | 1;

    public static byte[] Repack(byte[] zip)
    {
        var entries = new List<(string Name, byte[] Data)>();
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var data = new MemoryStream();
                stream.CopyTo(data);
                entries.Add((entry.FullName, data.ToArray()));
            }
        }

        entries.Sort((a, b) => (a.Name == "[Content_Types].xml", b.Name == "[Content_Types].xml") switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a.Name, b.Name),
        });
        return Write(entries);
    }

    private static byte[] Write(List<(string Name, byte[] Data)> entries)
    {
        using var output = new MemoryStream();
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        var central = new List<(byte[] Name, uint Crc, int Compressed, int Size, int Offset)>();
        foreach (var (name, data) in entries)
        {
            var nameBytes = Encoding.ASCII.GetBytes(name);
            var compressed = Compress(data);
            var crc = Crc32(data);
            var offset = (int)output.Position;
            writer.Write(0x04034b50u);
            writer.Write(Version);
            writer.Write((ushort)0);
            writer.Write(Deflate);
            writer.Write((ushort)0);
            writer.Write(DosDate1980);
            writer.Write(crc);
            writer.Write(compressed.Length);
            writer.Write(data.Length);
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write(nameBytes);
            writer.Write(compressed);
            central.Add((nameBytes, crc, compressed.Length, data.Length, offset));
        }

        var centralStart = (int)output.Position;
        foreach (var (name, crc, compressed, size, offset) in central)
        {
            writer.Write(0x02014b50u);
            writer.Write(Version); // made by: MS-DOS attributes, ZIP 2.0, whatever the OS
            writer.Write(Version);
            writer.Write((ushort)0);
            writer.Write(Deflate);
            writer.Write((ushort)0);
            writer.Write(DosDate1980);
            writer.Write(crc);
            writer.Write(compressed);
            writer.Write(size);
            writer.Write((ushort)name.Length);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(offset);
            writer.Write(name);
        }

        var centralSize = (int)output.Position - centralStart;
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)central.Count);
        writer.Write((ushort)central.Count);
        writer.Write(centralSize);
        writer.Write(centralStart);
        writer.Write((ushort)0);
        writer.Flush();
        return output.ToArray();
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return compressed.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
