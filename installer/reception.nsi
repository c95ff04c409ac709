; Reception Desk (前台服务台) — Windows installer. Compiled by installer/build.py:
;   makensis -WX -INPUTCHARSET UTF8 -DVERSION=… -DVERSION4=… -DSTAGING=… -DOUTFILE=…
;            -DINSTALL_FILES=… -DUNINSTALL_FILES=… -DSIZE_KB=… reception.nsi
; The file lists are generated (sorted) from the staging folder, so the uninstaller removes
; exactly what was installed. The user's data (%LOCALAPPDATA%\ReceptionDesk: database,
; backups, logs, printed PDFs) stays unless its box is ticked or /REMOVEDATA is given.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "x64.nsh"

!define COMPANY "Reception Desk developers"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ReceptionDesk"
!define SHORTCUT "Reception Desk 前台服务台.lnk"

Name "$(ProductName)"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\ReceptionDesk"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "Reception Desk ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

; ------------------------------------------------------------------ pages

!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default when the system's is neither.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; Version information in the file properties (after the languages: it names them).
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Reception Desk"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Reception Desk ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "© ${COMPANY}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "前台服务台"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "前台服务台 ${VERSION} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© ${COMPANY}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"


LangString ProductName ${LANG_SIMPCHINESE} "前台服务台 Reception Desk"
LangString ProductName ${LANG_ENGLISH} "Reception Desk 前台服务台"
LangString ShortcutComment ${LANG_SIMPCHINESE} "物业前台：访客、钥匙、邮件包裹、报修、收款"
LangString ShortcutComment ${LANG_ENGLISH} "The reception counter: visitors, keys, parcels, repairs, receipts"
LangString Needs64Bit ${LANG_SIMPCHINESE} "前台服务台需要 64 位 Windows。"
LangString Needs64Bit ${LANG_ENGLISH} "Reception Desk needs 64-bit Windows."
LangString UnProgram ${LANG_SIMPCHINESE} "程序文件"
LangString UnProgram ${LANG_ENGLISH} "Program files"
LangString UnData ${LANG_SIMPCHINESE} "我的数据（数据库、备份、日志、打印的 PDF）"
LangString UnData ${LANG_ENGLISH} "My data (database, backups, logs, printed PDFs)"
LangString UnDataDesc ${LANG_SIMPCHINESE} "勾选后将永久删除本用户的前台数据库及备份。默认保留。"
LangString UnDataDesc ${LANG_ENGLISH} "Ticked, this user's reception database and its backups are deleted for good. Kept by default."
LangString UnProgramDesc ${LANG_SIMPCHINESE} "删除程序、开始菜单和桌面快捷方式。"
LangString UnProgramDesc ${LANG_ENGLISH} "Removes the program and its Start-menu and desktop shortcuts."

; ------------------------------------------------------------------ install

Section "Install"
  SetShellVarContext all
  SetRegView 64
  ; An older version's files are replaced one by one; its uninstaller is rewritten below.
  !include "${INSTALL_FILES}"

  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; pythonw.exe: the GUI starts without a console window.
  CreateShortCut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\python\pythonw.exe" "-m app" \
      "$INSTDIR\python\pythonw.exe" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
  CreateShortCut "$DESKTOP\${SHORTCUT}" "$INSTDIR\python\pythonw.exe" "-m app" \
      "$INSTDIR\python\pythonw.exe" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "$(ProductName)"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\python\pythonw.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; ------------------------------------------------------------------ uninstall

Section "un.$(UnProgram)" SEC_UN_PROGRAM
  SectionIn RO
  SetShellVarContext all
  SetRegView 64
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  !include "${UNINSTALL_FILES}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

Section /o "un.$(UnData)" SEC_UN_DATA
  ; The data folder is per user (platformdirs: %LOCALAPPDATA%\ReceptionDesk).
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\ReceptionDesk"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_UN_PROGRAM} "$(UnProgramDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_UN_DATA} "$(UnDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
  ; Silent uninstall keeps the data too; "/REMOVEDATA" asks for it to go.
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SEC_UN_DATA}
  ${EndIf}
FunctionEnd
