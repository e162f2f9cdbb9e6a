namespace SampleCompany.SampleData;

/// <summary>Given names and family names, combined at random into the customers' contacts.</summary>
internal static class PersonNames
{
    public static IReadOnlyList<string> First { get; } =
    [
        "Emma", "Liam", "Sofia", "Noah", "Chloé", "Lucas", "Mia", "Mateo", "Hannah", "Luca",
        "Amelia", "Hugo", "Isabel", "Jonas", "Olivia", "Rafael", "Freya", "Felix", "Valentina", "Samuel",
        "Clara", "Nils", "Ana", "Marek", "Leonie", "Matteo", "Ingrid", "Pablo", "Zoe", "Adam",
        "Beatriz", "Elias", "Aoife", "Tobias", "Martina", "Kofi", "Grace", "Henrik", "Paula", "Ravi",
    ];

    public static IReadOnlyList<string> Last { get; } =
    [
        "Andersen", "Barros", "Becker", "Carvalho", "Castillo", "Clarke", "Costa", "Dubois", "Eriksson", "Esposito",
        "Fischer", "Fontaine", "García", "Hansen", "Hughes", "Jansen", "Kowalski", "Laurent", "Lopes", "Marino",
        "Meyer", "Moreno", "Murphy", "Novak", "Nunes", "O'Brien", "Peeters", "Pereira", "Quinn", "Ramos",
        "Ricci", "Romero", "Schmidt", "Silva", "Sørensen", "Torres", "Van Dijk", "Vargas", "Walsh", "Weber",
    ];
}
