# nov/22/2026 10:00:00 by RouterOS 7.16
# The office LAN on a MikroTik: option 121 as RouterOS writes it, a 0x value. Hover it.
/ip pool
add name=office-pool ranges=10.20.0.100-10.20.0.199
/ip dhcp-server
add address-pool=office-pool interface=bridge lease-time=1h name=office
/ip dhcp-server option
add code=121 name=classless-static-route value=0x18c0a80a0a1400fe000a140001
/ip dhcp-server network
add address=10.20.0.0/24 dhcp-option=classless-static-route dns-server=10.20.0.53,10.20.0.54 \
    gateway=10.20.0.1
/ip dhcp-server lease
add address=10.20.0.20 mac-address=00:1B:2C:3D:4E:5F server=office
