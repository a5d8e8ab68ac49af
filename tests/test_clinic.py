import pytest

from content.models import Clinic


@pytest.mark.django_db
def test_clinic_details_from_the_admin_appear_in_every_page_footer(client):
    clinic = Clinic.load()
    clinic.name = "Harbour Aesthetics"
    clinic.phone = "01632 960 123"
    clinic.save()
    response = client.get("/contact/")
    assert b"Harbour Aesthetics" in response.content
    assert b"01632 960 123" in response.content


@pytest.mark.django_db
def test_there_is_only_ever_one_clinic_row():
    Clinic(name="Second", phone="1", email="a@b.example", address="x").save()
    assert Clinic.objects.count() == 1
    assert Clinic.load().name == "Second"


@pytest.mark.django_db
def test_admin_can_edit_clinic_details_but_not_delete_them(admin_client):
    response = admin_client.post(
        "/admin/content/clinic/1/change/",
        {
            "name": "New Name Clinic",
            "phone": "0161 496 0000",
            "email": "desk@new.example",
            "address": "1 Road\nTown",
            "opening_hours": "",
        },
    )
    assert response.status_code == 302
    assert Clinic.load().name == "New Name Clinic"
    assert admin_client.get("/admin/content/clinic/1/delete/").status_code == 403
