namespace SampleCompany.SampleData.Documents;

/// <summary>The contract terms of the ten employees of the sample database (StaffRows), one entry per employee id.</summary>
internal static class ContractTermsList
{
    private const string UkEmployer = "Sample Company Ltd.";
    private const string UkAddress = "20 Finsbury Square, London EC2A 1AB, United Kingdom";
    private const string UsEmployer = "Sample Company Inc.";
    private const string UsAddress = "1450 Brickell Avenue, Suite 1900, Miami, FL 33131, USA";
    private const string Gdpr = "the EU General Data Protection Regulation (GDPR)";

    public static IReadOnlyList<ContractTerms> All { get; } =
    [
        new()
        {
            EmployeeId = 1, Format = SampleDocumentFormat.Pdf, Employer = UkEmployer, EmployerAddress = UkAddress,
            Office = "the London head office, 20 Finsbury Square",
            Salary = "GBP 168,000 gross per year, paid in twelve equal monthly instalments on the last working day of each month",
            VariablePay = "an annual bonus with a target of 35% of the base salary, of which 60% depends on group revenue and 40% on personal objectives agreed each January",
            WeeklyHours = 37.5m, Schedule = "Monday to Friday, 9:00 to 17:30, with flexibility appropriate to a senior role", RemoteDaysPerWeek = 2,
            VacationDays = 28, VacationBasis = "working days per holiday year, in addition to the eight UK bank holidays",
            Probation = "no probation period (the Employee was promoted from an existing role)", Notice = "six (6) months' written notice by either party",
            ConfidentialityYears = 5, NonCompeteMonths = 12, NonCompeteArea = "the United Kingdom, the European Union and North America",
            NonCompeteCompensation = "the restriction is reduced by any period of garden leave served",
            Benefits = "an employer pension contribution of 8% of base salary, private medical insurance for the Employee and family, and life cover of four times base salary",
            Equipment = "a car allowance of GBP 9,600 per year, a laptop and a mobile phone",
            GoverningLaw = "the laws of England and Wales", Courts = "the courts of England and Wales", DataProtectionLaw = "the UK GDPR and the Data Protection Act 2018",
        },
        new()
        {
            EmployeeId = 2, Format = SampleDocumentFormat.Pdf, Employer = UkEmployer, EmployerAddress = UkAddress,
            Office = "the London head office, 20 Finsbury Square",
            Salary = "GBP 96,500 gross per year, paid in twelve equal monthly instalments",
            VariablePay = "an annual bonus of up to 20% of the base salary, based on the net sales of the European territories against the annual budget",
            WeeklyHours = 37.5m, Schedule = "Monday to Friday, 9:00 to 17:30", RemoteDaysPerWeek = 2,
            VacationDays = 26, VacationBasis = "working days per holiday year, in addition to UK bank holidays",
            Probation = "six (6) months", Notice = "three (3) months' written notice by either party",
            ConfidentialityYears = 5, NonCompeteMonths = 9, NonCompeteArea = "the United Kingdom and the European Union",
            NonCompeteCompensation = "the restriction is reduced by any period of garden leave served",
            Benefits = "an employer pension contribution of 6% of base salary and private medical insurance",
            Equipment = "a laptop and a mobile phone; travel is booked through the Company's travel policy",
            GoverningLaw = "the laws of England and Wales", Courts = "the courts of England and Wales", DataProtectionLaw = "the UK GDPR and the Data Protection Act 2018",
        },
        new()
        {
            EmployeeId = 3, Format = SampleDocumentFormat.Docx, Employer = UsEmployer, EmployerAddress = UsAddress,
            Office = "the Miami office, 1450 Brickell Avenue",
            Salary = "USD 142,000 gross per year, paid in twenty-six bi-weekly instalments",
            VariablePay = "an annual bonus of up to 20% of the base salary, based on the net sales of the Americas region and on personal objectives",
            WeeklyHours = 40m, Schedule = "Monday to Friday, 8:30 to 17:00", RemoteDaysPerWeek = 2,
            VacationDays = 20, VacationBasis = "working days of paid time off per calendar year, in addition to ten Company holidays",
            Probation = "ninety (90) days", Notice = "thirty (30) days' written notice by either party; employment remains at will",
            ConfidentialityYears = 3, NonCompeteMonths = 12, NonCompeteArea = "the United States, Canada, Mexico and Brazil",
            NonCompeteCompensation = "the Company continues to pay 50% of the base salary during the restricted period",
            Benefits = "a 401(k) plan with a Company match of up to 5% of base salary, and medical, dental and vision insurance",
            Equipment = "a laptop, a mobile phone and a home-office allowance of USD 600 per year",
            GoverningLaw = "the laws of the State of Florida", Courts = "the state and federal courts located in Miami-Dade County, Florida", DataProtectionLaw = "the applicable US federal and Florida privacy laws",
        },
        new()
        {
            EmployeeId = 4, Format = SampleDocumentFormat.Pdf, Employer = "Sample Company Italia S.r.l.", EmployerAddress = "Via Vittor Pisani 16, 20124 Milan, Italy",
            Office = "the Milan office, Via Vittor Pisani 16",
            Salary = "EUR 46,800 gross per year, paid in fourteen monthly instalments (including the thirteenth and fourteenth month payments)",
            VariablePay = "a commission of 3% of the net sales invoiced to customers in her territories above the quarterly quota",
            WeeklyHours = 40m, Schedule = "Monday to Friday, 9:00 to 18:00 with a one-hour lunch break", RemoteDaysPerWeek = 1,
            VacationDays = 26, VacationBasis = "working days per year, in addition to Italian public holidays",
            Probation = "three (3) months", Notice = "two (2) months' written notice by either party, as set by the national collective agreement for the commerce sector",
            ConfidentialityYears = 3, NonCompeteMonths = 12, NonCompeteArea = "Italy",
            NonCompeteCompensation = "the Company pays a compensation of 25% of the last annual gross salary, in twelve monthly instalments",
            Benefits = "the severance fund (TFR) required by Italian law and supplementary health cover through the sector fund",
            Equipment = "a company car of the mid-size class for business and private use, a laptop and a mobile phone",
            GoverningLaw = "the laws of Italy and the national collective agreement for the commerce sector", Courts = "the Labour Court of Milan", DataProtectionLaw = Gdpr,
        },
        new()
        {
            EmployeeId = 5, Format = SampleDocumentFormat.Docx, Employer = "Sample Company Iberia S.L.", EmployerAddress = "Paseo de la Castellana 95, 28046 Madrid, Spain",
            Office = "the Madrid office, Paseo de la Castellana 95",
            Salary = "EUR 43,200 gross per year, paid in fourteen instalments (twelve monthly payments and two extraordinary payments in June and December)",
            VariablePay = "a commission of 2.5% of the net sales invoiced to customers in his territories, paid quarterly",
            WeeklyHours = 40m, Schedule = "Monday to Thursday, 9:00 to 18:30, and Friday, 8:00 to 15:00", RemoteDaysPerWeek = 2,
            VacationDays = 23, VacationBasis = "working days per calendar year, in addition to national, regional and local public holidays",
            Probation = "two (2) months", Notice = "fifteen (15) days' written notice by the Employee; the Company gives the notice required by the Workers' Statute",
            ConfidentialityYears = 3, NonCompeteMonths = 6, NonCompeteArea = "Spain and Portugal",
            NonCompeteCompensation = "the Company pays a compensation of 40% of the last annual gross salary for the restricted period",
            Benefits = "private health insurance and meal vouchers of EUR 11 per working day",
            Equipment = "a laptop, a mobile phone and a mileage allowance of EUR 0.26 per kilometre driven on business",
            GoverningLaw = "the laws of Spain, including the Workers' Statute and the applicable collective agreement", Courts = "the Social Courts of Madrid", DataProtectionLaw = Gdpr,
        },
        new()
        {
            EmployeeId = 6, Format = SampleDocumentFormat.Pdf, Employer = UkEmployer, EmployerAddress = UkAddress,
            Office = "the Manchester office, 3 Hardman Street, Manchester M3 3HF",
            Salary = "GBP 42,500 gross per year, paid in twelve equal monthly instalments",
            VariablePay = "a commission of 4% of the gross margin on sales to customers in his territories, paid monthly in arrears",
            WeeklyHours = 37.5m, Schedule = "Monday to Friday, 8:30 to 17:00", RemoteDaysPerWeek = 2,
            VacationDays = 25, VacationBasis = "working days per holiday year, in addition to UK bank holidays",
            Probation = "six (6) months", Notice = "one (1) month's written notice by the Employee and one (1) month or the statutory minimum, if longer, by the Company",
            ConfidentialityYears = 2, NonCompeteMonths = 6, NonCompeteArea = "the British Isles sales territory",
            NonCompeteCompensation = "the restriction is reduced by any period of garden leave served",
            Benefits = "an employer pension contribution of 5% of base salary",
            Equipment = "a laptop, a mobile phone and a mileage allowance of GBP 0.45 per business mile",
            GoverningLaw = "the laws of England and Wales", Courts = "the courts of England and Wales", DataProtectionLaw = "the UK GDPR and the Data Protection Act 2018",
        },
        new()
        {
            EmployeeId = 7, Format = SampleDocumentFormat.Pdf, Employer = "Sample Company Nordic AB", EmployerAddress = "Kungsgatan 44, 111 35 Stockholm, Sweden",
            Office = "the Stockholm office, Kungsgatan 44",
            Salary = "SEK 46,500 gross per month, paid on the 25th of each month",
            VariablePay = "a commission of 2% of the net sales invoiced to customers in the Nordic and Benelux territories, paid quarterly",
            WeeklyHours = 40m, Schedule = "Monday to Friday, 8:00 to 17:00, with flexible start between 7:00 and 9:30", RemoteDaysPerWeek = 2,
            VacationDays = 30, VacationBasis = "working days of paid vacation per vacation year (five days more than the Annual Leave Act requires)",
            Probation = "six (6) months", Notice = "three (3) months' written notice by either party",
            ConfidentialityYears = 3, NonCompeteMonths = 9, NonCompeteArea = "Sweden, Norway, Denmark and Finland",
            NonCompeteCompensation = "the Company pays a monthly compensation equal to 60% of the difference between the Employee's salary at termination and any lower new income",
            Benefits = "occupational pension under the ITP plan, a wellness allowance of SEK 5,000 per year and health insurance",
            Equipment = "a laptop and a mobile phone",
            GoverningLaw = "the laws of Sweden, including the Employment Protection Act", Courts = "the Stockholm District Court", DataProtectionLaw = Gdpr,
        },
        new()
        {
            EmployeeId = 8, Format = SampleDocumentFormat.Pdf, Employer = UsEmployer, EmployerAddress = UsAddress,
            Office = "the Boston office, One Federal Street, Boston, MA 02110",
            Salary = "USD 74,000 gross per year, paid in twenty-six bi-weekly instalments",
            VariablePay = "a commission of 5% of the net sales invoiced to customers in his territories above the quarterly quota",
            WeeklyHours = 40m, Schedule = "Monday to Friday, 9:00 to 17:30", RemoteDaysPerWeek = 1,
            VacationDays = 15, VacationBasis = "working days of paid time off per calendar year, plus five paid sick days and ten Company holidays",
            Probation = "ninety (90) days", Notice = "two (2) weeks' written notice by either party; employment remains at will",
            ConfidentialityYears = 3, NonCompeteMonths = 12, NonCompeteArea = "the USA East and Canada sales territories",
            NonCompeteCompensation = "garden leave pay of 50% of the highest annualised base salary of the last two years, as the Massachusetts Noncompetition Agreement Act requires",
            Benefits = "a 401(k) plan with a Company match of up to 4% of base salary, and medical and dental insurance",
            Equipment = "a laptop, a mobile phone and reimbursement of business mileage at the IRS rate",
            GoverningLaw = "the laws of the Commonwealth of Massachusetts", Courts = "the courts of Suffolk County, Massachusetts", DataProtectionLaw = "the applicable US federal and Massachusetts privacy laws",
        },
        new()
        {
            EmployeeId = 9, Format = SampleDocumentFormat.Docx, Employer = "Sample Company Brasil Ltda.", EmployerAddress = "Avenida Paulista 1842, 01310-200 São Paulo, Brazil",
            Office = "the São Paulo office, Avenida Paulista 1842",
            Salary = "BRL 14,800 gross per month, plus the thirteenth salary and the one-third vacation bonus required by law",
            VariablePay = "a commission of 3% of the net sales invoiced to customers in her territories, paid monthly",
            WeeklyHours = 44m, Schedule = "Monday to Friday, 8:00 to 17:48, with a one-hour lunch break", RemoteDaysPerWeek = 1,
            VacationDays = 30, VacationBasis = "calendar days per completed year of service, as the Consolidation of Labour Laws (CLT) provides",
            Probation = "ninety (90) days", Notice = "thirty (30) days' notice, plus three (3) days for each completed year of service when the Company gives notice",
            ConfidentialityYears = 2, NonCompeteMonths = 6, NonCompeteArea = "Brazil",
            NonCompeteCompensation = "the Company pays the full monthly salary for each month of the restricted period",
            Benefits = "health and dental insurance, meal vouchers and the FGTS deposits required by law",
            Equipment = "a laptop, a mobile phone and a transport allowance",
            GoverningLaw = "the laws of Brazil, including the Consolidation of Labour Laws (CLT)", Courts = "the Labour Courts of São Paulo", DataProtectionLaw = "the Brazilian General Data Protection Law (LGPD)",
        },
        new()
        {
            EmployeeId = 10, Format = SampleDocumentFormat.Pdf, Employer = "Sample Company Mexico S.A. de C.V.", EmployerAddress = "Paseo de la Reforma 250, 06600 Mexico City, Mexico",
            Office = "the Mexico City office, Paseo de la Reforma 250",
            Salary = "MXN 52,000 gross per month, paid in two fortnightly instalments, plus a year-end bonus (aguinaldo) of thirty days' salary",
            VariablePay = "a commission of 3.5% of the net sales invoiced to customers in his territories, paid monthly",
            WeeklyHours = 45m, Schedule = "Monday to Friday, 9:00 to 18:00", RemoteDaysPerWeek = 1,
            VacationDays = 16, VacationBasis = "working days per year of service at the date of this contract, increasing as the Federal Labour Law provides, with a vacation premium of 25%",
            Probation = "thirty (30) days", Notice = "thirty (30) days' written notice by either party",
            ConfidentialityYears = 2, NonCompeteMonths = 6, NonCompeteArea = "Mexico and Central America",
            NonCompeteCompensation = "the Company pays 50% of the monthly salary for each month of the restricted period",
            Benefits = "major medical insurance, a savings fund with a 10% Company contribution and the social security contributions required by law",
            Equipment = "a laptop and a mobile phone",
            GoverningLaw = "the laws of Mexico, including the Federal Labour Law", Courts = "the Federal Labour Courts of Mexico City", DataProtectionLaw = "the Mexican Federal Law on the Protection of Personal Data",
        },
    ];
}
