using System.Text.Json;
using IAToolkit.Downloads;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_generate_excel</c>: an .xlsx from rows the model gives, offered as a download link that only the asking user
/// can open, and only for a while.
/// </summary>
internal sealed class GenerateExcelTool : AssistantTool
{
    private static readonly JsonElement s_schema = Schema("""
        {"type":"object","properties":{
          "filename":{"type":"string","description":"File name ending in .xlsx."},
          "sheet_name":{"type":"string"},
          "data":{"type":"array","items":{"type":"object"},"minItems":1,"description":"The rows: one object per row, keys are the columns."}},
         "required":["filename","data"]}
        """);

    public GenerateExcelTool(ToolRun run)
        : base(run)
    {
    }

    public override string Name => "iat_generate_excel";

    public override string Description => "Creates an Excel file from rows and returns a download link for the user.";

    public override JsonElement JsonSchema => s_schema;

    protected override async Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken)
    {
        var workbook = Run.Services.GetRequiredService<ExcelWorkbookWriter>().Write(arguments);
        var ticket = await Run.Services.GetRequiredService<DownloadStore>().SaveAsync(
            Run.Company, Run.User.UserIdentifier, workbook.FileName, ExcelWorkbook.ContentType, workbook.Content, lifetime: null);
        var path = $"/api/{Run.Company.ShortName}/downloads/{ticket.Token}";
        // Relative to the base (which ends with '/') so that a base with a path, https://example.com/assistant/, keeps it.
        var link = Run.PublicBaseUrl is null ? path : new Uri(Run.PublicBaseUrl, path.TrimStart('/')).ToString();
        return new { file = workbook.FileName, rows = workbook.RowCount, download_url = link, expires_at = ticket.ExpiresAt };
    }
}
