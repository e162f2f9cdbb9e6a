namespace IAToolkit.Mail;

/// <summary>The framework's mails in Spanish.</summary>
internal static class SpanishMailTexts
{
    public static readonly MailTexts Texts = new()
    {
        Language = "es",
        VerificationSubject = "Verificación de cuenta - {0}",
        VerificationIntro = "Gracias por registrarte en {0}. Confirma tu dirección de correo para activar tu cuenta.",
        VerificationButton = "Verificar mi cuenta",
        VerificationIgnore = "Si no te registraste, puedes ignorar este correo.",
        ResetSubject = "Recuperación de contraseña - {0}",
        ResetIntro = "Recibimos una solicitud para restablecer la contraseña de tu cuenta de {0}.",
        ResetButton = "Elegir una nueva contraseña",
        ResetSingleUse = "El enlace se puede usar una sola vez.",
        ResetIgnore = "Si no lo solicitaste, ignora este correo: tu contraseña no cambia.",
        FeedbackSubject = "Nuevo feedback de {0} - {1}",
        FeedbackIntro = "Un usuario dejó su opinión sobre el asistente de {0}.",
        FeedbackUser = "Usuario",
        FeedbackRating = "Calificación",
        FeedbackComment = "Comentario",
        FeedbackNoComment = "(sin comentario)",
        GreetingByName = "Hola {0},",
        Greeting = "Hola,",
        LinkExpires = "El enlace vence en {0}.",
        LinkFallback = "Si el botón no funciona, copia esta dirección en tu navegador:",
        Signature = "El equipo de {0}",
        Minutes = ("minuto", "minutos"),
        Hours = ("hora", "horas"),
        Days = ("día", "días"),
    };
}
