namespace IAToolkit.Downloads;

/// <summary>File and sheet names the model asks for, made safe: a file name with no path, a sheet name Excel accepts.</summary>
internal static class ExcelNames
{
    private const int MaxSheetNameLength = 31;

    /// <summary>The name made safe (see <see cref="DownloadFileName"/>), always ending in <c>.xlsx</c>; <c>export.xlsx</c> when nothing is left.</summary>
    public static string FileName(string? requested)
    {
        var name = requested ?? string.Empty;
        foreach (var extension in (string[])[".xlsx", ".xls"])
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
                break;
            }
        }

        return DownloadFileName.Sanitize(name, "export") + ".xlsx";
    }

    /// <summary>Excel's rules: at most 31 characters, none of <c>[]:*?/\</c>, no apostrophe at either end, not "History".</summary>
    public static string SheetName(string? requested)
    {
        var safe = new string([.. (requested ?? string.Empty).Where(c => !char.IsControl(c) && c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        safe = safe.Trim().Trim('\'').Trim();
        if (safe.Length > MaxSheetNameLength)
        {
            safe = safe[..MaxSheetNameLength].TrimEnd().TrimEnd('\'');
        }

        if (safe.Equals("History", StringComparison.OrdinalIgnoreCase))
        {
            safe += "_";
        }

        return safe.Length == 0 ? "Sheet1" : safe;
    }
}
