<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AppletSettings</name>
    <message>
        <location filename="../src/applet/AppletSettings.cpp" line="50"/>
        <source>gateway %1: &quot;%2&quot; is not an IPv4 address</source>
        <translation>Gateway %1: „%2“ ist keine IPv4-Adresse</translation>
    </message>
</context>
<context>
    <name>AppletStatus</name>
    <message>
        <location filename="../src/applet/AppletStatus.cpp" line="90"/>
        <source>racoon is not running</source>
        <translation>racoon läuft nicht</translation>
    </message>
    <message>
        <location filename="../src/applet/AppletStatus.cpp" line="92"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../src/applet/AppletStatus.cpp" line="94"/>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <location filename="../src/applet/AppletStatus.cpp" line="96"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../src/applet/AppletStatus.cpp" line="98"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>AutostartFile</name>
    <message>
        <location filename="../src/applet/AutostartFile.cpp" line="78"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>EventDecoder</name>
    <message>
        <location filename="../src/core/decode/EventDecoder.cpp" line="14"/>
        <source>event frame of %1 bytes is shorter than the %2 bytes of an event record</source>
        <translation>Ereignis-Frame mit %1 Bytes ist kürzer als die %2 Bytes eines Ereignisdatensatzes</translation>
    </message>
</context>
<context>
    <name>FrameReader</name>
    <message>
        <location filename="../src/core/wire/AdminFrame.cpp" line="67"/>
        <source>racoon sent a frame header announcing %1 bytes, fewer than the 8-byte header itself</source>
        <translation>racoon hat einen Frame-Header gesendet, der %1 Bytes ankündigt – weniger als der 8 Byte lange Header selbst</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminFrame.cpp" line="96"/>
        <source>the admin connection is in an unusable state</source>
        <translation>die Admin-Verbindung ist in einem unbrauchbaren Zustand</translation>
    </message>
</context>
<context>
    <name>GatewayDialog</name>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="14"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="25"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="35"/>
        <source>Shown in the tray menu (default: the address)</source>
        <translation>Im Menü angezeigt (Vorgabe: die Adresse)</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="42"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="52"/>
        <source>IPv4 address, e.g. 192.0.2.1</source>
        <translation>IPv4-Adresse, z. B. 192.0.2.1</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="59"/>
        <source>&amp;Remote block:</source>
        <translation>&amp;Remote-Block:</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="69"/>
        <source>Name of the remote block in racoon.conf (optional)</source>
        <translation>Name des remote-Blocks in racoon.conf (optional)</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="76"/>
        <source>The gateway asks for a user name and password (&amp;Xauth)</source>
        <translation>Das Gateway fragt nach Benutzername und Passwort (&amp;Xauth)</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="83"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="93"/>
        <source>Your Xauth login (optional)</source>
        <translation>Ihr Xauth-Anmeldename (optional)</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="100"/>
        <source>Re&amp;member the password in the keyring</source>
        <translation>Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="103"/>
        <source>Kept by the desktop&apos;s Secret Service (GNOME Keyring, KWallet), never in the settings file</source>
        <translation>Wird vom Secret Service der Arbeitsumgebung (GNOME Keyring, KWallet) verwahrt, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="110"/>
        <source>Connect when qracoon &amp;starts</source>
        <translation>Beim &amp;Start von qracoon verbinden</translation>
    </message>
    <message>
        <location filename="../ui/GatewayDialog.ui" line="117"/>
        <source>&amp;Reconnect when the tunnel drops</source>
        <translation>Bei Tunnelabbruch &amp;wieder verbinden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="14"/>
        <source>qracoon</source>
        <translation>qracoon</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="32"/>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="40"/>
        <source>Filter gateways</source>
        <translation>Gateways filtern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="50"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="53"/>
        <source>Connect to the selected gateway</source>
        <translation>Verbindung zum ausgewählten Gateway herstellen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="60"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="63"/>
        <source>Disconnect from the selected gateway</source>
        <translation>Verbindung zum ausgewählten Gateway trennen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="77"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="80"/>
        <source>Add a gateway</source>
        <translation>Ein Gateway hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="87"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="90"/>
        <source>Edit the selected gateway</source>
        <translation>Das ausgewählte Gateway bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="97"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="100"/>
        <source>Remove the selected gateway and its saved password</source>
        <translation>Das ausgewählte Gateway und sein gespeichertes Passwort entfernen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="107"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="110"/>
        <source>Import the remote blocks of a racoon.conf</source>
        <translation>Die remote-Blöcke einer racoon.conf importieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="148"/>
        <source>ISAKMP SAs</source>
        <translation>ISAKMP-SAs</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="156"/>
        <source>Filter ISAKMP SAs</source>
        <translation>ISAKMP-SAs filtern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="197"/>
        <source>IPsec SAs</source>
        <translation>IPsec-SAs</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="205"/>
        <source>Filter IPsec SAs</source>
        <translation>IPsec-SAs filtern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="246"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="254"/>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="264"/>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="267"/>
        <source>Copy the selected events (all when none is selected)</source>
        <translation>Die ausgewählten Ereignisse kopieren (alle, wenn keines ausgewählt ist)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="274"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="277"/>
        <source>Remove every event from the list</source>
        <translation>Alle Ereignisse aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="316"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.ui" line="325"/>
        <source>Select a gateway, an SA or an event to see its details.</source>
        <translation>Wählen Sie ein Gateway, eine SA oder ein Ereignis aus, um die Details zu sehen.</translation>
    </message>
</context>
<context>
    <name>RacoonConfParser</name>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="80"/>
        <source>string not closed before the end of the line</source>
        <translation>Zeichenkette vor dem Zeilenende nicht geschlossen</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="112"/>
        <source>missing &apos;;&apos; after &quot;%1&quot;</source>
        <translation>fehlendes „;“ nach „%1“</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="139"/>
        <source>block without a statement before it</source>
        <translation>Block ohne vorangehende Anweisung</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="157"/>
        <source>&apos;}&apos; without a matching &apos;{&apos; skipped</source>
        <translation>„}“ ohne passendes „{“ übersprungen</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="164"/>
        <source>block opened here is not closed</source>
        <translation>der hier geöffnete Block wird nicht geschlossen</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="184"/>
        <source>remote without an address skipped</source>
        <translation>remote ohne Adresse übersprungen</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="190"/>
        <source>remote anonymous skipped: it names no gateway to connect to</source>
        <translation>remote anonymous übersprungen: Es nennt kein Gateway, zu dem verbunden werden kann</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="196"/>
        <source>remote %1 skipped: it has no { } block</source>
        <translation>remote %1 übersprungen: Es hat keinen { }-Block</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="233"/>
        <source>remote_address &quot;%1&quot; is not an IP address</source>
        <translation>remote_address „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="246"/>
        <source>remote &quot;%1&quot; skipped: it has no remote_address</source>
        <translation>remote „%1“ übersprungen: Es hat keine remote_address</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="249"/>
        <source>remote %1 skipped: not an IP address</source>
        <translation>remote %1 übersprungen: keine IP-Adresse</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="255"/>
        <source>remote %1 skipped: only IPv4 gateways are supported</source>
        <translation>remote %1 übersprungen: Nur IPv4-Gateways werden unterstützt</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="264"/>
        <source>remote %1 skipped: line %2 has the same address</source>
        <translation>remote %1 übersprungen: Zeile %2 hat dieselbe Adresse</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="292"/>
        <source>include %1 skipped: import that file by itself</source>
        <translation>include %1 übersprungen: Importieren Sie diese Datei einzeln</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="301"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../src/core/config/RacoonConfParser.cpp" line="312"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ScheduleDecoder</name>
    <message>
        <location filename="../src/core/decode/ScheduleDecoder.cpp" line="17"/>
        <source>the schedule list of %1 bytes is not a whole number of %2-byte records: %3 stray bytes at offset %4</source>
        <translation>die Zeitplanliste mit %1 Bytes besteht nicht aus ganzen Datensätzen zu je %2 Bytes: %3 überzählige Bytes an Position %4</translation>
    </message>
</context>
<context>
    <name>XauthDialog</name>
    <message>
        <location filename="../ui/XauthDialog.ui" line="14"/>
        <source>VPN Login</source>
        <translation>VPN-Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/XauthDialog.ui" line="38"/>
        <source>The gateway asks for your user name and password.</source>
        <translation>Das Gateway fragt nach Ihrem Benutzernamen und Passwort.</translation>
    </message>
    <message>
        <location filename="../ui/XauthDialog.ui" line="59"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../ui/XauthDialog.ui" line="79"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/applet/main.cpp" line="41"/>
        <source>Tray applet for the racoon IKE daemon: connects VPN gateways, shows SAs and events.</source>
        <translation>Applet für den Systemabschnitt zum IKE-Daemon racoon: verbindet VPN-Gateways, zeigt SAs und Ereignisse an.</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="47"/>
        <source>racoon&apos;s admin socket (default: $QRACOON_SOCKET, else the first of %1 that exists).</source>
        <translation>Admin-Socket von racoon (Vorgabe: $QRACOON_SOCKET, sonst der erste vorhandene von %1).</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="51"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="53"/>
        <source>Open the window at start.</source>
        <translation>Das Fenster beim Start öffnen.</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="56"/>
        <source>How to reach racoon: direct (its socket), helper (qracoon-helper, asking polkit), or auto (the socket when you may open it, else the helper).</source>
        <translation>Wie racoon erreicht wird: direct (über seinen Socket), helper (über qracoon-helper, mit Rückfrage bei polkit) oder auto (der Socket, wenn Sie ihn öffnen dürfen, sonst der Helfer).</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="59"/>
        <source>auto|direct|helper</source>
        <translation>auto|direct|helper</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="65"/>
        <source>qracoon: unknown --backend %1: use auto, direct or helper
</source>
        <translation>qracoon: Unbekanntes --backend %1: Verwenden Sie auto, direct oder helper
</translation>
    </message>
    <message>
        <location filename="../src/applet/main.cpp" line="78"/>
        <source>qracoon: %1 (a second launch will not find this one)
</source>
        <translation>qracoon: %1 (ein zweiter Start findet diese Instanz nicht)
</translation>
    </message>
</context>
<context>
    <name>qracoon</name>
    <message>
        <location filename="../src/core/client/SourceAddress.cpp" line="66"/>
        <source>cannot find source address: the gateway is not an IP address</source>
        <translation>Quelladresse nicht ermittelbar: Das Gateway ist keine IP-Adresse</translation>
    </message>
    <message>
        <location filename="../src/core/client/SourceAddress.cpp" line="72"/>
        <source>cannot find source address: socket: %1</source>
        <translation>Quelladresse nicht ermittelbar: socket: %1</translation>
    </message>
    <message>
        <location filename="../src/core/client/SourceAddress.cpp" line="83"/>
        <source>cannot find source address towards %1: %2</source>
        <translation>Quelladresse in Richtung %1 nicht ermittelbar: %2</translation>
    </message>
    <message>
        <location filename="../src/core/client/SourceAddress.cpp" line="89"/>
        <source>cannot find source address: getsockname: %1</source>
        <translation>Quelladresse nicht ermittelbar: getsockname: %1</translation>
    </message>
    <message>
        <location filename="../src/core/client/SourceAddress.cpp" line="95"/>
        <source>cannot find source address: the kernel returned no IP address</source>
        <translation>Quelladresse nicht ermittelbar: Der Kernel hat keine IP-Adresse geliefert</translation>
    </message>
    <message>
        <location filename="../src/core/decode/Ph1DumpDecoder.cpp" line="41"/>
        <source>phase 1 record %1 at offset %2 does not fit in the %3-byte reply</source>
        <translation>Phase-1-Datensatz %1 an Position %2 passt nicht in die %3 Bytes lange Antwort</translation>
    </message>
    <message>
        <location filename="../src/core/decode/Ph1DumpDecoder.cpp" line="52"/>
        <source>the phase 1 list of %1 bytes is not a whole number of %2-byte records: %3 stray bytes at offset %4</source>
        <translation>die Phase-1-Liste mit %1 Bytes besteht nicht aus ganzen Datensätzen zu je %2 Bytes: %3 überzählige Bytes an Position %4</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbDumpDecoder.cpp" line="97"/>
        <source>the SA dump reply carries no PF_KEY message</source>
        <translation>die Antwort auf die SA-Abfrage enthält keine PF_KEY-Nachricht</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbDumpDecoder.cpp" line="105"/>
        <source>the kernel refused the SA dump: %1</source>
        <translation>der Kernel hat die SA-Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbDumpDecoder.cpp" line="114"/>
        <source>PF_KEY message %1 at offset %2: %3</source>
        <translation>PF_KEY-Nachricht %1 an Position %2: %3</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="44"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="55"/>
        <source>a string or null</source>
        <translation>eine Zeichenkette oder null</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="64"/>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="76"/>
        <source>an integer or null</source>
        <translation>eine ganze Zahl oder null</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="89"/>
        <source>an integer or &quot;any&quot;</source>
        <translation>eine ganze Zahl oder „any“</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="98"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="107"/>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="112"/>
        <source>an array of strings</source>
        <translation>ein Array von Zeichenketten</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="127"/>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="135"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="159"/>
        <source>%1: missing (expected %2)</source>
        <translation>%1: fehlt (erwartet: %2)</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="161"/>
        <source>%1: expected %2</source>
        <translation>%1: erwartet: %2</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="252"/>
        <source>%1: expected an array</source>
        <translation>%1: Array erwartet</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="260"/>
        <source>%1: expected an object</source>
        <translation>%1: Objekt erwartet</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="276"/>
        <source>the status document is not valid JSON: %1 at offset %2</source>
        <translation>das Statusdokument ist kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="281"/>
        <source>the status document is not a JSON object</source>
        <translation>das Statusdokument ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../src/core/decode/StatusDecoder.cpp" line="293"/>
        <source>schema_version: %1 is not supported (expected 2.x)</source>
        <translation>schema_version: %1 wird nicht unterstützt (erwartet: 2.x)</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="156"/>
        <source>racoon terminated</source>
        <translation>racoon wurde beendet</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="158"/>
        <source>Phase 1 established: the IKE SA with the gateway is up</source>
        <translation>Phase 1 hergestellt: Die IKE-SA mit dem Gateway steht</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="160"/>
        <source>Phase 1 deleted: the IKE SA with the gateway is gone</source>
        <translation>Phase 1 gelöscht: Die IKE-SA mit dem Gateway besteht nicht mehr</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="162"/>
        <source>Phase 1 failed: the gateway does not respond</source>
        <translation>Phase 1 fehlgeschlagen: Das Gateway antwortet nicht</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="164"/>
        <source>Phase 1 failed: the gateway accepted none of the proposed algorithms</source>
        <translation>Phase 1 fehlgeschlagen: Das Gateway hat keinen der vorgeschlagenen Algorithmen akzeptiert</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="166"/>
        <source>Phase 1 failed: authentication failed (bad certificate or pre-shared key?)</source>
        <translation>Phase 1 fehlgeschlagen: Authentifizierung gescheitert (falsches Zertifikat oder falscher Pre-Shared Key?)</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="168"/>
        <source>dead peer detected: the gateway stopped answering</source>
        <translation>Gegenstelle ausgefallen (DPD): Das Gateway antwortet nicht mehr</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="170"/>
        <source>the gateway deleted the IKE SA</source>
        <translation>Das Gateway hat die IKE-SA gelöscht</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="173"/>
        <source>mode configuration done: bound to address %1</source>
        <translation>Mode-Config abgeschlossen: an Adresse %1 gebunden</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="176"/>
        <source>mode configuration done</source>
        <translation>Mode-Config abgeschlossen</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="178"/>
        <source>Xauth succeeded: the gateway accepted the user name and password</source>
        <translation>Xauth erfolgreich: Das Gateway hat Benutzername und Passwort akzeptiert</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="180"/>
        <source>Xauth failed: the gateway rejected the user name or password</source>
        <translation>Xauth fehlgeschlagen: Das Gateway hat Benutzername oder Passwort abgelehnt</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="182"/>
        <source>Phase 2 failed: no suitable phase 1 SA</source>
        <translation>Phase 2 fehlgeschlagen: keine passende Phase-1-SA</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="184"/>
        <source>Phase 2 established: the IPsec SAs are up</source>
        <translation>Phase 2 hergestellt: Die IPsec-SAs stehen</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="186"/>
        <source>Phase 2 deleted: the IPsec SAs are gone</source>
        <translation>Phase 2 gelöscht: Die IPsec-SAs bestehen nicht mehr</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="188"/>
        <source>Phase 2 failed: the gateway does not respond</source>
        <translation>Phase 2 fehlgeschlagen: Das Gateway antwortet nicht</translation>
    </message>
    <message>
        <location filename="../src/core/format/EventText.cpp" line="190"/>
        <source>unknown event %1</source>
        <translation>unbekanntes Ereignis %1</translation>
    </message>
</context>
<context>
    <name>qracoon::AdminCall</name>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="60"/>
        <source>the admin socket path %1 is %2 bytes long; a UNIX socket path can have at most %3</source>
        <translation>der Pfad %1 des Admin-Sockets ist %2 Bytes lang; ein UNIX-Socket-Pfad darf höchstens %3 lang sein</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="73"/>
        <source>cannot create admin socket: %1</source>
        <translation>Admin-Socket kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="88"/>
        <source>racoon&apos;s admin socket %1 accepts no connection (busy)</source>
        <translation>der Admin-Socket %1 von racoon nimmt keine Verbindung an (ausgelastet)</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="92"/>
        <source>(is racoon running?)</source>
        <translation>(Läuft racoon?)</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="99"/>
        <source>(the socket is restricted: run as a user that may open it, or use qracoon-helper)</source>
        <translation>(der Socket ist zugriffsbeschränkt: Als Benutzer ausführen, der ihn öffnen darf, oder qracoon-helper verwenden)</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="102"/>
        <source>cannot connect to racoon admin socket %1: %2 %3</source>
        <translation>Verbindung zum Admin-Socket %1 von racoon nicht möglich: %2 %3</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="112"/>
        <source>cannot use the admin connection: %1</source>
        <translation>Admin-Verbindung nicht nutzbar: %1</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="141"/>
        <source>failed to send request to racoon: %1</source>
        <translation>Anfrage an racoon konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="213"/>
        <source>racoon closed the admin connection in the middle of a frame (got %1 of %2 bytes)</source>
        <translation>racoon hat die Admin-Verbindung mitten in einem Frame geschlossen (%1 von %2 Bytes erhalten)</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="216"/>
        <source>short read from racoon: got %1 of 8 expected header bytes</source>
        <translation>unvollständige Antwort von racoon: %1 von 8 erwarteten Header-Bytes erhalten</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="221"/>
        <source>racoon closed the admin connection before sending a reply header (EOF)</source>
        <translation>racoon hat die Admin-Verbindung geschlossen, bevor ein Antwort-Header kam (EOF)</translation>
    </message>
    <message>
        <location filename="../src/core/client/AdminCall.cpp" line="230"/>
        <source>racoon did not answer within %1 seconds</source>
        <translation>racoon hat nicht innerhalb von %1 Sekunden geantwortet</translation>
    </message>
</context>
<context>
    <name>qracoon::AdminRequest</name>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="95"/>
        <source>the remote name contains a NUL byte</source>
        <translation>der Name der Gegenstelle enthält ein NUL-Byte</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="99"/>
        <source>the remote name is too long for one admin request (%1 bytes)</source>
        <translation>der Name der Gegenstelle ist zu lang für eine Admin-Anfrage (%1 Bytes)</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="115"/>
        <source>the Xauth identity or password contains a NUL byte</source>
        <translation>die Xauth-Identität oder das Passwort enthält ein NUL-Byte</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="122"/>
        <source>the Xauth identity and password are too long for one admin request (at most %1 bytes together)</source>
        <translation>Xauth-Identität und Passwort sind zu lang für eine Admin-Anfrage (zusammen höchstens %1 Bytes)</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="150"/>
        <source>bad login (too long?): racoon accepts logins of 1 to %1 bytes</source>
        <translation>ungültiger Anmeldename (zu lang?): racoon akzeptiert Anmeldenamen mit 1 bis %1 Bytes</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="162"/>
        <source>request shorter than the 8-byte header</source>
        <translation>Anfrage ist kürzer als der 8 Byte lange Header</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="166"/>
        <source>request header announces %1 bytes but the frame has %2</source>
        <translation>der Anfrage-Header kündigt %1 Bytes an, der Frame hat aber %2</translation>
    </message>
    <message>
        <location filename="../src/core/wire/AdminRequest.cpp" line="188"/>
        <source>request payload of %1 bytes is shorter than the 264-byte admin_com_indexes</source>
        <translation>die Nutzdaten der Anfrage mit %1 Bytes sind kürzer als die 264 Bytes von admin_com_indexes</translation>
    </message>
</context>
<context>
    <name>qracoon::Applet</name>
    <message>
        <location filename="../src/applet/Applet.cpp" line="76"/>
        <source>No gateways are configured yet: add one with Add… on the Gateways tab, or import the remote blocks of a racoon.conf. Gateways racoon already has SAs with are listed anyway.</source>
        <translation>Noch keine Gateways eingerichtet: Fügen Sie eines mit „Hinzufügen …“ auf der Seite „Gateways“ hinzu oder importieren Sie die remote-Blöcke einer racoon.conf. Gateways, mit denen racoon bereits SAs hat, werden trotzdem angezeigt.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="81"/>
        <source>Settings: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="202"/>
        <location filename="../src/applet/Applet.cpp" line="413"/>
        <source>Your address is %1.</source>
        <translation>Ihre Adresse ist %1.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="208"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="213"/>
        <location filename="../src/applet/Applet.cpp" line="421"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="238"/>
        <source>Could not read the saved password for %1: %2</source>
        <translation>Das gespeicherte Passwort für %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="267"/>
        <source>Could not save the password for %1: %2</source>
        <translation>Das Passwort für %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="311"/>
        <source>racoon is running again.</source>
        <translation>racoon läuft wieder.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="312"/>
        <source>Connected to racoon (%1).</source>
        <translation>Mit racoon verbunden (%1).</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="323"/>
        <source>racoon is not running (%1).</source>
        <translation>racoon läuft nicht (%1).</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="325"/>
        <source>racoon is not running.</source>
        <translation>racoon läuft nicht.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="329"/>
        <source>You are not allowed to talk to racoon (%1).</source>
        <translation>Sie dürfen nicht mit racoon kommunizieren (%1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/applet/Applet.cpp" line="350"/>
        <source>Trying again in %n second(s).</source>
        <translation>
            <numerusform>Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="356"/>
        <location filename="../src/applet/Applet.cpp" line="359"/>
        <source>Disconnected from %1</source>
        <translation>Verbindung zu %1 getrennt</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="356"/>
        <source>The VPN connection is closed.</source>
        <translation>Die VPN-Verbindung ist getrennt.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="360"/>
        <source>Disconnected from %1: %2</source>
        <translation>Verbindung zu %1 getrennt: %2</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="364"/>
        <source>Connecting to %1 failed: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="366"/>
        <source>Could not connect to %1</source>
        <translation>Verbindung zu %1 konnte nicht hergestellt werden</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="368"/>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="419"/>
        <source>The VPN connection is up.</source>
        <translation>Die VPN-Verbindung ist hergestellt.</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="429"/>
        <source>Could not change the autostart setting: %1</source>
        <translation>Die Autostart-Einstellung konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="471"/>
        <source>Add Gateway</source>
        <translation>Gateway hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="510"/>
        <source>Remove Gateway</source>
        <translation>Gateway entfernen</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="511"/>
        <source>Remove the gateway %1 (%2) and its saved password?</source>
        <translation>Das Gateway %1 (%2) und sein gespeichertes Passwort entfernen?</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="528"/>
        <source>Could not remove the saved password for %1: %2</source>
        <translation>Das gespeicherte Passwort für %1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="538"/>
        <location filename="../src/applet/Applet.cpp" line="545"/>
        <source>Import racoon.conf</source>
        <translation>racoon.conf importieren</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="540"/>
        <source>racoon configuration (*.conf);;All files (*)</source>
        <translation>racoon-Konfiguration (*.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="549"/>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="567"/>
        <source>line %1: %2 is already configured; kept as it is</source>
        <translation>Zeile %1: %2 ist bereits eingerichtet und bleibt unverändert</translation>
    </message>
    <message>
        <location filename="../src/applet/Applet.cpp" line="585"/>
        <source>Import of %1: %2</source>
        <translation>Import von %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/applet/Applet.cpp" line="587"/>
        <source>Imported %n gateway(s) from %1.</source>
        <translation>
            <numerusform>%n Gateway aus %1 importiert.</numerusform>
            <numerusform>%n Gateways aus %1 importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qracoon::ConnectionController</name>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="39"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="41"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="43"/>
        <source>Waiting for login</source>
        <translation>Warten auf Anmeldung</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="45"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="47"/>
        <source>Disconnecting…</source>
        <translation>Verbindung wird getrennt …</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="49"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="206"/>
        <source>The gateway rejected the user name or password. Check them and try again.</source>
        <translation>Das Gateway hat Benutzername oder Passwort abgelehnt. Bitte überprüfen Sie die Angaben und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="245"/>
        <source>The gateway closed the connection.</source>
        <translation>Das Gateway hat die Verbindung beendet.</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="289"/>
        <source>racoon no longer has a connection to the gateway.</source>
        <translation>racoon hat keine Verbindung mehr zum Gateway.</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="397"/>
        <source>racoon stopped.</source>
        <translation>racoon wurde beendet.</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="397"/>
        <source>You are not allowed to talk to racoon.</source>
        <translation>Sie dürfen nicht mit racoon kommunizieren.</translation>
    </message>
    <message>
        <location filename="../src/applet/ConnectionController.cpp" line="472"/>
        <source>The connection to %1 dropped. Log in again to reconnect.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen. Melden Sie sich erneut an, um sie wiederherzustellen.</translation>
    </message>
</context>
<context>
    <name>qracoon::DirectBackend</name>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="40"/>
        <location filename="../src/backend/DirectBackend.cpp" line="174"/>
        <source>%1 is not an IPv4 or IPv6 address</source>
        <translation>%1 ist keine IPv4- oder IPv6-Adresse</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="57"/>
        <source>the local address %1 is not an address of the gateway&apos;s family</source>
        <translation>die lokale Adresse %1 gehört nicht zur Adressfamilie des Gateways</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="80"/>
        <source>admin socket %1</source>
        <translation>Admin-Socket %1</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="92"/>
        <source>racoon is not running (%1)</source>
        <translation>racoon läuft nicht (%1)</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="95"/>
        <source>You are not allowed to use racoon&apos;s admin socket (%1).</source>
        <translation>Sie dürfen den Admin-Socket von racoon nicht verwenden (%1).</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="115"/>
        <source>racoon could not start the negotiation: no matching remote section in its configuration, or the peer cannot be reached</source>
        <translation>racoon konnte die Aushandlung nicht starten: kein passender remote-Abschnitt in seiner Konfiguration, oder die Gegenstelle ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="121"/>
        <source>racoon refused the request: %1</source>
        <translation>racoon hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../src/backend/DirectBackend.cpp" line="274"/>
        <source>racoon closed the event stream</source>
        <translation>racoon hat den Ereignisstrom beendet</translation>
    </message>
</context>
<context>
    <name>qracoon::EventLogModel</name>
    <message>
        <location filename="../src/applet/EventLogModel.cpp" line="153"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../src/applet/EventLogModel.cpp" line="155"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../src/applet/EventLogModel.cpp" line="157"/>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location filename="../src/applet/EventLogModel.cpp" line="159"/>
        <source>Local address</source>
        <translation>Lokale Adresse</translation>
    </message>
</context>
<context>
    <name>qracoon::GatewayDialog</name>
    <message>
        <location filename="../src/applet/GatewayDialog.cpp" line="43"/>
        <source>Add Gateway</source>
        <translation>Gateway hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayDialog.cpp" line="43"/>
        <source>Edit Gateway: %1</source>
        <translation>Gateway bearbeiten: %1</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayDialog.cpp" line="83"/>
        <source>Enter the gateway&apos;s IPv4 address.</source>
        <translation>Geben Sie die IPv4-Adresse des Gateways ein.</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayDialog.cpp" line="87"/>
        <source>&quot;%1&quot; is not an IPv4 address.</source>
        <translation>„%1“ ist keine IPv4-Adresse.</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayDialog.cpp" line="90"/>
        <source>Another gateway already has the address %1.</source>
        <translation>Ein anderes Gateway hat bereits die Adresse %1.</translation>
    </message>
</context>
<context>
    <name>qracoon::GatewayModel</name>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="228"/>
        <source>Not in the settings: racoon has an SA with this gateway.</source>
        <translation>Nicht in den Einstellungen: racoon hat eine SA mit diesem Gateway.</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="282"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="284"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="286"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="288"/>
        <source>Assigned address</source>
        <translation>Zugewiesene Adresse</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="290"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="292"/>
        <source>Connected for</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="294"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="296"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../src/applet/GatewayModel.cpp" line="298"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>qracoon::HelperBackend</name>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="36"/>
        <source>qracoon-helper answered %1 with signature &quot;%2&quot; instead of &quot;%3&quot;</source>
        <translation>qracoon-helper hat auf %1 mit der Signatur „%2“ statt „%3“ geantwortet</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="46"/>
        <source>qracoon-helper stopped</source>
        <translation>qracoon-helper wurde beendet</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="57"/>
        <source>qracoon-helper (%1 on the system bus)</source>
        <translation>qracoon-helper (%1 auf dem Systembus)</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="65"/>
        <source>The system policy does not allow this (%1).</source>
        <translation>Die Systemrichtlinie erlaubt dies nicht (%1).</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="68"/>
        <location filename="../src/backend/HelperBackend.cpp" line="309"/>
        <source>racoon is not running (%1)</source>
        <translation>racoon läuft nicht (%1)</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="80"/>
        <source>qracoon-helper is not available: %1</source>
        <translation>qracoon-helper ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="82"/>
        <source>qracoon-helper: %1</source>
        <translation>qracoon-helper: %1</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="89"/>
        <source>racoon could not start the negotiation: no matching remote section in its configuration, or the peer cannot be reached</source>
        <translation>racoon konnte die Aushandlung nicht starten: kein passender remote-Abschnitt in seiner Konfiguration, oder die Gegenstelle ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="95"/>
        <source>racoon refused the request: %1</source>
        <translation>racoon hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="101"/>
        <source>qracoon-helper cannot be reached: no connection to the system bus (%1)</source>
        <translation>qracoon-helper ist nicht erreichbar: keine Verbindung zum Systembus (%1)</translation>
    </message>
    <message>
        <location filename="../src/backend/HelperBackend.cpp" line="254"/>
        <source>cannot receive qracoon-helper&apos;s signals: %1</source>
        <translation>Signale von qracoon-helper können nicht empfangen werden: %1</translation>
    </message>
</context>
<context>
    <name>qracoon::IpsecSaModel</name>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="98"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="100"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="102"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="104"/>
        <source>SPI</source>
        <translation>SPI</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="106"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="108"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="110"/>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="112"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="114"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location filename="../src/applet/IpsecSaModel.cpp" line="116"/>
        <source>Lifetime left</source>
        <translation>Restlaufzeit</translation>
    </message>
</context>
<context>
    <name>qracoon::IsakmpSaModel</name>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="85"/>
        <source>Initiator cookie : responder cookie</source>
        <translation>Initiator-Cookie : Responder-Cookie</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="113"/>
        <source>DH %1</source>
        <translation>DH %1</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="142"/>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="144"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="146"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="148"/>
        <source>Exchange</source>
        <translation>Austauschmodus</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="150"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="152"/>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="154"/>
        <source>Established</source>
        <translation>Hergestellt</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="156"/>
        <source>Lifetime left</source>
        <translation>Restlaufzeit</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="158"/>
        <source>Phase 2</source>
        <translation>Phase 2</translation>
    </message>
    <message>
        <location filename="../src/applet/IsakmpSaModel.cpp" line="160"/>
        <source>Cookies</source>
        <translation>Cookies</translation>
    </message>
</context>
<context>
    <name>qracoon::MainWindow</name>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="55"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="60"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="238"/>
        <source>Contacting racoon…</source>
        <translation>racoon wird kontaktiert …</translation>
    </message>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="241"/>
        <source>racoon is running</source>
        <translation>racoon läuft</translation>
    </message>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="244"/>
        <source>racoon is not running; waiting for it to start</source>
        <translation>racoon läuft nicht; Warten auf den Start</translation>
    </message>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="247"/>
        <source>You are not allowed to talk to racoon</source>
        <translation>Sie dürfen nicht mit racoon kommunizieren</translation>
    </message>
    <message>
        <location filename="../src/applet/MainWindow.cpp" line="351"/>
        <source>Events copied to the clipboard.</source>
        <translation>Ereignisse in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>qracoon::NotificationCoalescer</name>
    <message numerus="yes">
        <location filename="../src/applet/NotificationCoalescer.cpp" line="63"/>
        <source>(%n change(s) in the last %1 seconds)</source>
        <translation>
            <numerusform>(%n Änderung in den letzten %1 Sekunden)</numerusform>
            <numerusform>(%n Änderungen in den letzten %1 Sekunden)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qracoon::SadbMessageView</name>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="438"/>
        <source>fewer than the 16 bytes of a PF_KEY message header remain</source>
        <translation>es bleiben weniger als die 16 Bytes eines PF_KEY-Nachrichten-Headers</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="440"/>
        <source>sadb_msg_len %1 is shorter than the message header</source>
        <translation>sadb_msg_len %1 ist kürzer als der Nachrichten-Header</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="442"/>
        <source>sadb_msg_len %1 (%2 bytes) runs past the end of the reply</source>
        <translation>sadb_msg_len %1 (%2 Bytes) reicht über das Ende der Antwort hinaus</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="446"/>
        <source>%1 stray bytes at offset %2 cannot hold an extension header</source>
        <translation>%1 überzählige Bytes an Position %2 reichen nicht für einen Erweiterungs-Header</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="450"/>
        <source>extension type %1 at offset %2 has length 0</source>
        <translation>Erweiterung vom Typ %1 an Position %2 hat die Länge 0</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="452"/>
        <source>extension type %1 at offset %2 runs past the end of its message</source>
        <translation>Erweiterung vom Typ %1 an Position %2 reicht über das Ende ihrer Nachricht hinaus</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="456"/>
        <source>extension type %1 at offset %2 is too short for its layout</source>
        <translation>Erweiterung vom Typ %1 an Position %2 ist zu kurz für ihren Aufbau</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="462"/>
        <source>invalid PF_KEY message</source>
        <translation>ungültige PF_KEY-Nachricht</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="464"/>
        <source>duplicate extension type %1 at offset %2</source>
        <translation>doppelte Erweiterung vom Typ %1 an Position %2</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="466"/>
        <source>unsupported PF_KEY version %1</source>
        <translation>nicht unterstützte PF_KEY-Version %1</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="468"/>
        <source>invalid PF_KEY message type %1</source>
        <translation>ungültiger PF_KEY-Nachrichtentyp %1</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="470"/>
        <source>SA type %1 is invalid for message type %2</source>
        <translation>SA-Typ %1 ist für Nachrichtentyp %2 ungültig</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="472"/>
        <source>SA type %1 is not supported</source>
        <translation>SA-Typ %1 wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="474"/>
        <source>source and destination addresses name different upper-layer protocols</source>
        <translation>Quell- und Zieladresse nennen unterschiedliche Protokolle der oberen Schicht</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="476"/>
        <source>source and destination addresses are of different families</source>
        <translation>Quell- und Zieladresse gehören zu unterschiedlichen Adressfamilien</translation>
    </message>
    <message>
        <location filename="../src/core/decode/SadbMessageView.cpp" line="478"/>
        <source>address family %1 is neither inet nor inet6</source>
        <translation>Adressfamilie %1 ist weder inet noch inet6</translation>
    </message>
</context>
<context>
    <name>qracoon::TrayIcon</name>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="15"/>
        <source>No gateways configured</source>
        <translation>Keine Gateways eingerichtet</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="21"/>
        <source>&amp;Add Gateway…</source>
        <translation>Gateway &amp;hinzufügen …</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="22"/>
        <source>&amp;Edit Gateways…</source>
        <translation>Gateways b&amp;earbeiten …</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="25"/>
        <source>Show &amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen anzeigen</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="27"/>
        <source>Start at &amp;Login</source>
        <translation>Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="30"/>
        <source>Show &amp;Window</source>
        <translation>&amp;Fenster anzeigen</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="31"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="63"/>
        <source>qracoon: %1</source>
        <translation>qracoon: %1</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="83"/>
        <source>%1: connected as %2 for %3</source>
        <translation>%1: verbunden als %2 seit %3</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="86"/>
        <source>%1: connected for %2</source>
        <translation>%1: verbunden seit %2</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="89"/>
        <location filename="../src/applet/TrayIcon.cpp" line="94"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/applet/TrayIcon.cpp" line="99"/>
        <source>Other gateways: %n</source>
        <translation>
            <numerusform>Weitere Gateways: %n</numerusform>
            <numerusform>Weitere Gateways: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/applet/TrayIcon.cpp" line="119"/>
        <source>Other Gateways (%n)…</source>
        <translation>
            <numerusform>Weitere Gateways (%n) …</numerusform>
            <numerusform>Weitere Gateways (%n) …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="157"/>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="161"/>
        <source>Cancel Connecting to %1</source>
        <translation>Verbindungsaufbau zu %1 abbrechen</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="164"/>
        <source>Disconnect from %1</source>
        <translation>Verbindung zu %1 trennen</translation>
    </message>
    <message>
        <location filename="../src/applet/TrayIcon.cpp" line="167"/>
        <source>Disconnecting from %1…</source>
        <translation>Verbindung zu %1 wird getrennt …</translation>
    </message>
</context>
<context>
    <name>qracoon::XauthDialog</name>
    <message>
        <location filename="../src/applet/XauthDialog.cpp" line="15"/>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../src/applet/XauthDialog.cpp" line="33"/>
        <source>VPN Login: %1</source>
        <translation>VPN-Anmeldung: %1</translation>
    </message>
    <message>
        <location filename="../src/applet/XauthDialog.cpp" line="35"/>
        <source>&lt;b&gt;%1&lt;/b&gt; asks for your user name and password.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; fragt nach Ihrem Benutzernamen und Passwort.</translation>
    </message>
</context>
<context>
    <name>qracoon::details</name>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="41"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="41"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="46"/>
        <source>racoon&apos;s status</source>
        <translation>Status von racoon</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="47"/>
        <location filename="../src/applet/DetailsText.cpp" line="87"/>
        <location filename="../src/applet/DetailsText.cpp" line="120"/>
        <location filename="../src/applet/DetailsText.cpp" line="144"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="47"/>
        <source>Local identity</source>
        <translation>Lokale Identität</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="47"/>
        <source>Remote identity</source>
        <translation>Identität der Gegenstelle</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="48"/>
        <source>IKE version</source>
        <translation>IKE-Version</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="48"/>
        <source>Exchange mode</source>
        <translation>Austauschmodus</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="50"/>
        <location filename="../src/applet/DetailsText.cpp" line="145"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="51"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="52"/>
        <location filename="../src/applet/DetailsText.cpp" line="149"/>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="53"/>
        <source>Diffie-Hellman group</source>
        <translation>Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="54"/>
        <source>Lifetime</source>
        <translation>Lebensdauer</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="57"/>
        <source>Xauth</source>
        <translation>Xauth</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="57"/>
        <source>logged in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="57"/>
        <source>login requested</source>
        <translation>Anmeldung angefordert</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="58"/>
        <source>Xauth method</source>
        <translation>Xauth-Methode</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="59"/>
        <source>Xauth user</source>
        <translation>Xauth-Benutzer</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="62"/>
        <location filename="../src/applet/DetailsText.cpp" line="100"/>
        <source>Assigned address</source>
        <translation>Zugewiesene Adresse</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="63"/>
        <location filename="../src/applet/DetailsText.cpp" line="101"/>
        <source>DNS servers</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="64"/>
        <location filename="../src/applet/DetailsText.cpp" line="103"/>
        <source>Tunnelled networks</source>
        <translation>Getunnelte Netze</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="67"/>
        <location filename="../src/applet/DetailsText.cpp" line="165"/>
        <source>NAT traversal</source>
        <translation>NAT-Traversal</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="67"/>
        <source>in use</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="67"/>
        <source>not in use</source>
        <translation>nicht aktiv</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="70"/>
        <source>Dead peer detection</source>
        <translation>Dead Peer Detection</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/applet/DetailsText.cpp" line="71"/>
        <source>supported, %n failure(s)</source>
        <translation>
            <numerusform>unterstützt, %n Fehlschlag</numerusform>
            <numerusform>unterstützt, %n Fehlschläge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="72"/>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="75"/>
        <source>Passive</source>
        <translation>Passiv</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="76"/>
        <source>Generates policies</source>
        <translation>Erzeugt Richtlinien</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="86"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="88"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="90"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="90"/>
        <source>not in the settings; racoon has an SA with it</source>
        <translation>nicht in den Einstellungen; racoon hat eine SA mit diesem Gateway</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="93"/>
        <source>racoon.conf remote</source>
        <translation>remote in racoon.conf</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="95"/>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="95"/>
        <source>Xauth, user %1</source>
        <translation>Xauth, Benutzer %1</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="97"/>
        <source>Connected for</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="98"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="98"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="102"/>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="106"/>
        <source>Banner</source>
        <translation>Banner</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="117"/>
        <source>Phase 1 with %1</source>
        <translation>Phase 1 mit %1</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="118"/>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="119"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="121"/>
        <source>Exchange</source>
        <translation>Austauschmodus</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="122"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="123"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="124"/>
        <source>Initiator cookie</source>
        <translation>Initiator-Cookie</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="126"/>
        <source>Responder cookie</source>
        <translation>Responder-Cookie</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="128"/>
        <source>Established</source>
        <translation>Hergestellt</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="129"/>
        <location filename="../src/applet/DetailsText.cpp" line="157"/>
        <source>Lifetime left</source>
        <translation>Restlaufzeit</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="130"/>
        <source>Phase 2 negotiations</source>
        <translation>Phase-2-Aushandlungen</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="140"/>
        <source>%1 SA %2</source>
        <translation>%1-SA %2</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="141"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="142"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="143"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="146"/>
        <location filename="../src/applet/DetailsText.cpp" line="150"/>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="151"/>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="152"/>
        <source>Replay window</source>
        <translation>Replay-Fenster</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="153"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="154"/>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="155"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="156"/>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="159"/>
        <source>Hard lifetime</source>
        <translation>Harte Lebensdauer</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="162"/>
        <source>Soft lifetime</source>
        <translation>Weiche Lebensdauer</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="166"/>
        <source>UDP ports %1 → %2</source>
        <translation>UDP-Ports %1 → %2</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="173"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="174"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="175"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="176"/>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location filename="../src/applet/DetailsText.cpp" line="177"/>
        <source>Local address</source>
        <translation>Lokale Adresse</translation>
    </message>
</context>
<context>
    <name>qracoon::display</name>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="18"/>
        <source>#%1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="28"/>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="36"/>
        <source>negotiating (step %1 of 8)</source>
        <translation>wird ausgehandelt (Schritt %1 von 8)</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="38"/>
        <source>established</source>
        <translation>hergestellt</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="40"/>
        <source>expiring</source>
        <translation>läuft ab</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="42"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="44"/>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="52"/>
        <source>base</source>
        <translation>Basismodus</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="54"/>
        <source>main</source>
        <translation>Hauptmodus</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="56"/>
        <source>authentication only</source>
        <translation>nur Authentifizierung</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="58"/>
        <source>aggressive</source>
        <translation>Aggressiver Modus</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="60"/>
        <source>informational</source>
        <translation>Informationsaustausch</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="62"/>
        <location filename="../src/applet/DisplayText.cpp" line="90"/>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="68"/>
        <source>initiator</source>
        <translation>Initiator</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="68"/>
        <source>responder</source>
        <translation>Responder</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="98"/>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="100"/>
        <source>transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="102"/>
        <source>tunnel</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="104"/>
        <source>mode %1</source>
        <translation>Modus %1</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="112"/>
        <source>larval</source>
        <translation>im Aufbau</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="114"/>
        <source>mature</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="116"/>
        <source>dying</source>
        <translation>läuft ab</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="118"/>
        <source>dead</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="120"/>
        <source>state %1</source>
        <translation>Zustand %1</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="131"/>
        <location filename="../src/applet/DisplayText.cpp" line="136"/>
        <location filename="../src/applet/DisplayText.cpp" line="175"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="227"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="230"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="233"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/applet/DisplayText.cpp" line="235"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
</TS>
