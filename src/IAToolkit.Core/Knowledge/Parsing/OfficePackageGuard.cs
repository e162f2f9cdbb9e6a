using System.Globalization;
using System.IO.Compression;
using System.Xml;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Checks a DOCX or XLSX package against the budget before the Open XML SDK reads it: the number of parts, the size
/// each part's header declares, and then the size each part really expands to, counted as it is decompressed (a header
/// can lie) and the depth its XML nests to (deep nesting makes tree readers recurse). A part over budget is refused
/// after reading at most the budget of it, so a 1 MB file that expands to gigabytes costs a few megabytes of reading.
/// </summary>
internal static class OfficePackageGuard
{
    public static void Check(Stream content, ParseBudget budget)
    {
        var start = content.Position;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            CheckDeclared(zip, budget);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                budget.Check();
                total += ReadPart(entry, budget);
                if (total > budget.Options.MaxPackageBytes)
                {
                    throw PackageTooLarge(budget);
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not a ZIP, or its central directory is damaged: the Open XML SDK says so in its own words when it opens it.
        }
        finally
        {
            content.Position = start;
        }
    }

    private static void CheckDeclared(ZipArchive zip, ParseBudget budget)
    {
        var options = budget.Options;
        if (zip.Entries.Count > options.MaxPackageEntries)
        {
            throw budget.TooComplex($"it holds {zip.Entries.Count.ToString("N0", CultureInfo.InvariantCulture)} parts, more than the {options.MaxPackageEntries.ToString("N0", CultureInfo.InvariantCulture)} a package may have", nameof(DocumentParsingOptions.MaxPackageEntries));
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > options.MaxPartBytes)
            {
                throw PartTooLarge(budget, entry.FullName);
            }

            declared += entry.Length;
            if (declared > options.MaxPackageBytes)
            {
                throw PackageTooLarge(budget);
            }
        }
    }

    private static long ReadPart(ZipArchiveEntry entry, ParseBudget budget)
    {
        CountingReadStream? part = null;
        try
        {
            part = new CountingReadStream(entry.Open(), budget.Options.MaxPartBytes, () => PartTooLarge(budget, entry.FullName));
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                CheckXml(part, entry.FullName, budget);
            }

            part.CopyTo(Stream.Null);
            return part.Count;
        }
        catch (InvalidDataException)
        {
            // This part cannot be inflated (damaged, or an unsupported method): nobody can read more of it than was
            // counted, and the parts after it are still checked, so a broken first part cannot hide a bomb behind it.
            return part?.Count ?? 0;
        }
        finally
        {
            part?.Dispose();
        }
    }

    private static void CheckXml(Stream part, string name, ParseBudget budget)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(part, settings);
            var nodes = 0;
            while (reader.Read())
            {
                if (reader.Depth > budget.Options.MaxXmlDepth)
                {
                    throw budget.TooComplex($"its part {name} nests deeper than {budget.Options.MaxXmlDepth} levels", nameof(DocumentParsingOptions.MaxXmlDepth));
                }

                if (++nodes % 4096 == 0)
                {
                    budget.Check();
                }
            }
        }
        catch (XmlException)
        {
            // Malformed XML is the Open XML SDK's to report; the rest of the part is still counted by the caller.
        }
    }

    private static DocumentTooComplexException PartTooLarge(ParseBudget budget, string name)
        => budget.TooComplex($"its part {name} expands to more than {ParseBudget.Megabytes(budget.Options.MaxPartBytes)} MB", nameof(DocumentParsingOptions.MaxPartBytes));

    private static DocumentTooComplexException PackageTooLarge(ParseBudget budget)
        => budget.TooComplex($"its parts expand to more than {ParseBudget.Megabytes(budget.Options.MaxPackageBytes)} MB together", nameof(DocumentParsingOptions.MaxPackageBytes));
}
