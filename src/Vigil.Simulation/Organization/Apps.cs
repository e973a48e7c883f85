namespace Vigil.Simulation.Organization;

/// <summary>The catalogue of workstation programs.</summary>
internal static class Apps
{
    private const string Office = @"C:\Program Files\Microsoft Office\root\Office16\";

    /// <summary>The shell, started by userinit at logon; parent of the others.</summary>
    public static readonly App Explorer = new("explorer", @"C:\Windows\explorer.exe", "Microsoft Corporation");

    /// <summary>The logon process that starts the shell.</summary>
    public static readonly App Userinit = new("userinit", @"C:\Windows\System32\userinit.exe", "Microsoft Corporation");

    /// <summary>Mail.</summary>
    public static readonly App Outlook = new("outlook", Office + "OUTLOOK.EXE", "Microsoft Corporation", "/recycle", Internet.Mail.Host);

    /// <summary>Chat.</summary>
    public static readonly App Teams = new(
        "teams", @"C:\Program Files\WindowsApps\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\ms-teams.exe", "Microsoft Corporation",
        "--system-initiated", Internet.Teams.Host);

    /// <summary>Spreadsheets.</summary>
    public static readonly App Excel = new("excel", Office + "EXCEL.EXE", "Microsoft Corporation");

    /// <summary>Documents.</summary>
    public static readonly App Word = new("word", Office + "WINWORD.EXE", "Microsoft Corporation", "/n");

    /// <summary>A browser.</summary>
    public static readonly App Chrome = new("chrome", @"C:\Program Files\Google\Chrome\Application\chrome.exe", "Google LLC", null, "web");

    /// <summary>A browser.</summary>
    public static readonly App Edge = new("edge", @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "Microsoft Corporation", null, "web");

    /// <summary>PDFs.</summary>
    public static readonly App Acrobat = new("acrobat", @"C:\Program Files\Adobe\Acrobat DC\Acrobat\Acrobat.exe", "Adobe Inc.");

    /// <summary>The ERP client (finance).</summary>
    public static readonly App Sap = new("sap", @"C:\Program Files (x86)\SAP\FrontEnd\SAPgui\saplogon.exe", "SAP SE", null, "SRV-FIN-01", 3200);

    /// <summary>An editor (per-user install).</summary>
    public static readonly App Code = new(
        "code", @"C:\Users\{user}\AppData\Local\Programs\Microsoft VS Code\Code.exe", "Microsoft Corporation", null, Internet.Git.Host);

    /// <summary>An IDE.</summary>
    public static readonly App VisualStudio = new(
        "devenv", @"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\IDE\devenv.exe", "Microsoft Corporation");

    /// <summary>A terminal.</summary>
    public static readonly App PowerShell = new(
        "powershell", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "Microsoft Corporation", "-NoLogo");

    /// <summary>Remote desktop client.</summary>
    public static readonly App Mstsc = new("mstsc", @"C:\Windows\System32\mstsc.exe", "Microsoft Corporation", "/v:JUMP01", "JUMP01", 3389);

    /// <summary>Management consoles.</summary>
    public static readonly App Mmc = new("mmc", @"C:\Windows\System32\mmc.exe", "Microsoft Corporation", @"C:\Windows\System32\dsa.msc");

    /// <summary>SSH client.</summary>
    public static readonly App Putty = new("putty", @"C:\Program Files\PuTTY\putty.exe", "Simon Tatham");

    /// <summary>The electronic health record client.</summary>
    public static readonly App MedChart = new("medchart", @"C:\Program Files\MedChart\MedChart.exe", "MedChart Systems Ltd", null, "EHR01");

    /// <summary>The laboratory results client.</summary>
    public static readonly App LabLink = new("lablink", @"C:\Program Files\LabLink\lablink.exe", "LabLink Diagnostics", null, "LIS01", 8443);

    /// <summary>The imaging viewer the radiographers used before the change.</summary>
    public static readonly App PacsView = new("pacsview", @"C:\Program Files\PacsView\pacsview.exe", "Meridian Imaging", null, "PACS01", 11112);

    /// <summary>The new imaging viewer (clinical-new-workflow).</summary>
    public static readonly App RadVue = new("radvue", @"C:\Program Files\RadVue\radvue.exe", "RadVue Medical", null, "PACS02", 11112);
}
