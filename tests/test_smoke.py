"""The app starts and the front page answers."""


def test_front_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Partnerregister" in response.data
