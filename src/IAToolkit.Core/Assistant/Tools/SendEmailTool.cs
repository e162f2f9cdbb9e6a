using System.Text.Json;
using IAToolkit.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary><c>iat_send_email</c>: sends an e-mail through the company's mail provider, to the addresses the model names.</summary>
internal sealed class SendEmailTool : AssistantTool
{
    private static readonly JsonElement s_schema = Schema("""
        {"type":"object","properties":{
          "to":{"type":"array","items":{"type":"string"},"description":"Recipient e-mail addresses."},
          "subject":{"type":"string"},
          "body":{"type":"string","description":"The message, in Markdown."}},
         "required":["to","subject","body"]}
        """);

    public SendEmailTool(ToolRun run)
        : base(run)
    {
    }

    public override string Name => "iat_send_email";

    public override string Description => "Sends an e-mail from the company's assistant address. Use only when the user asks to send one.";

    public override JsonElement JsonSchema => s_schema;

    protected override async Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken)
    {
        var recipients = arguments.TryGetProperty("to", out var to)
            ? to.ValueKind == JsonValueKind.Array ? [.. to.EnumerateArray().Select(e => e.GetString() ?? string.Empty)] : new[] { to.GetString() ?? string.Empty }
            : [];
        var subject = RequiredString(arguments, "subject");
        var body = RequiredString(arguments, "body");
        var renderer = Run.Services.GetRequiredService<Answers.AnswerRenderer>();
        var message = new MailMessageSpec
        {
            To = recipients,
            Subject = subject,
            HtmlBody = renderer.ToSafeHtml(body),
            TextBody = body,
        };
        await Run.Services.GetRequiredService<IMailService>().SendAsync(Run.Company, message, cancellationToken);
        return new { sent = true, to = recipients };
    }
}
