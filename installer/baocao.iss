; Inno Setup 6 script: the per-user Windows installer of baocao (no administrator rights).
;
; Build (from the repository root, after the PyInstaller one-folder build, see installer/README.md):
;   ISCC /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 installer\baocao.iss
; Both numbers come from pyproject.toml: python installer\make_version_info.py --print-version
; (and --print-numeric-version). Output: dist\installer\baocao-<version>-cai-dat.exe
;
; This file is UTF-8 with a BOM (Inno Setup reads Vietnamese text correctly only then).

#ifndef AppVersion
  #error Thiếu số phiên bản: chạy ISCC /DAppVersion=... /DAppNumericVersion=... (xem installer\README.md)
#endif
#ifndef AppNumericVersion
  #error Thiếu số phiên bản dạng a.b.c.d: /DAppNumericVersion=... (make_version_info.py --print-numeric-version)
#endif
#ifndef DistDir
  #define DistDir "..\dist\baocao"
#endif

#define AppName "Báo cáo NĐ30"
#define AppExe "baocao-gui.exe"
; The per-user data folder the program uses (platformdirs user_data_dir("baocao", appauthor=False,
; roaming=False)), kept on uninstall unless the user asks to delete it.
#define DataDir "{localappdata}\baocao"

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{05FE1B98-5850-4BCB-842E-CAAC4D4861F2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=baocao
AppComments=Soạn báo cáo, kế hoạch, công văn, tờ trình đúng thể thức Nghị định 30/2020/NĐ-CP
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription=Trình cài đặt {#AppName}
; Per-user install: no UAC prompt, works on office PCs without admin rights. {autopf} then is
; %LOCALAPPDATA%\Programs, and {group}/{autodesktop} are the user's own Start menu and desktop.
PrivilegesRequired=lowest
DefaultDirName={autopf}\baocao
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Close a running copy (Restart Manager) before replacing its files, on install and uninstall.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\resources\icons\baocao.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
ShowLanguageDialog=no
OutputDir=..\dist\installer
OutputBaseFilename=baocao-{#AppVersion}-cai-dat
Compression=lzma2/max
SolidCompression=yes

[Languages]
; Default.isl first, then our Vietnamese text on top of it (see Vietnamese.isl).
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[CustomMessages]
vi.AppDescription=Soạn văn bản đúng thể thức Nghị định 30/2020/NĐ-CP
vi.AskDeleteData=Có xóa luôn dữ liệu của chương trình không?%n%nThư mục:%n%1%n%nTrong đó có các văn bản, hồ sơ cơ quan, tệp minh chứng và bản sao lưu. Chọn Không để giữ lại: cài lại chương trình sẽ dùng tiếp dữ liệu này.
vi.DataKept=Dữ liệu vẫn được giữ trong thư mục:%n%1
vi.DataDeleteFailed=Không xóa hết được thư mục dữ liệu (có thể đang được mở):%n%1%n%nCó thể tự xóa sau.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder: files a newer build no longer ships must not
; linger in _internal and be loaded by mistake. User data never lives here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDescription}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppDescription}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The uninstaller removes the program folder only. The data folder (documents, office profile,
// evidence, backups) stays unless the user answers "Có" to an explicit question whose default is
// "Không"; a silent uninstall keeps it unless /XOADULIEU is passed on the command line.

function DataDirectory(): String;
begin
  Result := ExpandConstant('{#DataDir}');
end;

function HasParam(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
  RemoveData: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := DataDirectory();
  if not DirExists(Folder) then
    Exit;
  if UninstallSilent() then
    RemoveData := HasParam('/XOADULIEU')
  else
    RemoveData := MsgBox(FmtMessage(CustomMessage('AskDeleteData'), [Folder]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if RemoveData then
  begin
    if not DelTree(Folder, True, True, True) and not UninstallSilent() then
      MsgBox(FmtMessage(CustomMessage('DataDeleteFailed'), [Folder]), mbError, MB_OK);
  end
  else if not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [Folder]), mbInformation, MB_OK);
end;
