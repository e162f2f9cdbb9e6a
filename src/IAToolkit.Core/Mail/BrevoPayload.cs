using System.Text;
using System.Text.Json.Nodes;

namespace IAToolkit.Mail;

/// <summary>The JSON body of Brevo's <c>POST /v3/smtp/email</c>, with every attachment (the Python project sent only the first).</summary>
internal static class BrevoPayload
{
    public static JsonObject Create(MailDelivery delivery)
    {
        var spec = delivery.Message;
        var body = new JsonObject
        {
            ["sender"] = new JsonObject { ["name"] = delivery.SenderName, ["email"] = delivery.SenderEmail },
            ["to"] = new JsonArray(spec.To.Select(a => (JsonNode)new JsonObject { ["email"] = a.Trim() }).ToArray()),
            ["subject"] = spec.Subject,
            ["htmlContent"] = spec.HtmlBody,
        };
        if (!string.IsNullOrEmpty(spec.TextBody))
        {
            body["textContent"] = spec.TextBody;
        }

        if (spec.Attachments.Count > 0)
        {
            body["attachment"] = new JsonArray(spec.Attachments
                .Select(a => (JsonNode)new JsonObject { ["name"] = a.FileName, ["content"] = Convert.ToBase64String(a.Content.Span) })
                .ToArray());
        }

        return body;
    }

    public static StringContent ToContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
